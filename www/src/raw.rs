//! Parts of the page written as escaped HTML text rather than with `html!`: every
//! element site of `html!` costs a few hundred bytes of wasm, a string costs its length
//! (and compresses). Used for the result page and the question screens' buttons, whose
//! clicks one handler per page answers (`data-*` attributes); never for an input the
//! worker types into or ticks (Yew replaces a raw part whole when its text changes, so
//! what is typed and the focus would be lost). Every text and attribute value goes
//! through [`Raw::text`] or [`Raw::attr`], which escape.
//!
//! The rules studio (`studio/`) includes this file and the result views to preview a
//! worker's page; it builds with `cfg(wugong_studio)` (set by its build script), under
//! which nothing here needs Yew.

#[cfg(not(wugong_studio))]
use yew::prelude::*;

#[derive(Default)]
pub struct Raw(String);

#[inline(never)]
fn escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

impl Raw {
    /// `<tag` then static attributes (written by us, e.g. `class="when"`), left open
    /// for [`Raw::attr`]; end it with [`Raw::gt`].
    #[inline(never)]
    pub fn open(&mut self, tag: &str, attrs: &str) -> &mut Raw {
        self.0.push('<');
        self.0.push_str(tag);
        if !attrs.is_empty() {
            self.0.push(' ');
            self.0.push_str(attrs);
        }
        self
    }

    /// An attribute with an escaped value.
    #[inline(never)]
    pub fn attr(&mut self, name: &str, value: &str) -> &mut Raw {
        self.0.push(' ');
        self.0.push_str(name);
        self.0.push_str("=\"");
        escape(&mut self.0, value);
        self.0.push('"');
        self
    }

    #[inline(never)]
    pub fn gt(&mut self) -> &mut Raw {
        self.0.push('>');
        self
    }

    /// Escaped text.
    #[inline(never)]
    pub fn text(&mut self, t: &str) -> &mut Raw {
        escape(&mut self.0, t);
        self
    }

    #[inline(never)]
    pub fn close(&mut self, tag: &str) -> &mut Raw {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// `<tag attrs>text</tag>`.
    #[inline(never)]
    pub fn el(&mut self, tag: &str, attrs: &str, t: &str) -> &mut Raw {
        self.open(tag, attrs).gt().text(t).close(tag)
    }

    /// The label of a fact's input (`id`): `<label attrs for="id">` its words.
    #[cfg(not(wugong_studio))]
    #[inline(never)]
    pub fn label(&mut self, attrs: &str, id: &str, fact: wugong::Fact, english: bool) -> &mut Raw {
        self.open("label", attrs)
            .attr("for", id)
            .gt()
            .text(if english {
                fact.label_en()
            } else {
                fact.label_zh()
            })
            .close("label")
    }

    /// A tap-to-call link.
    #[inline(never)]
    pub fn call(&mut self, dial: &str, shown: &str) -> &mut Raw {
        self.open("a", "class=\"call\" data-testid=\"call\"")
            .attr("href", &format!("tel:{dial}"))
            .gt()
            .text("☎ ")
            .text(shown)
            .close("a")
    }

    #[cfg(not(wugong_studio))]
    #[inline(never)]
    pub fn html(self) -> Html {
        Html::from_html_unchecked(AttrValue::from(self.0))
    }

    /// The HTML written, for the studio's preview.
    #[cfg(wugong_studio)]
    pub fn into_string(self) -> String {
        self.0
    }
}
