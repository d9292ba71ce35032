//! Where the worker is, as one history entry's state: the screen, its place in the
//! history, the questions skipped and the date evaluated on. Written with every screen
//! change (`history.pushState`), read back on `popstate` (back, forward) and on reload,
//! so both keep the place. Pure, tested natively; anything unreadable is ignored.

use wugong::{Date, Fact, FactSet, Question};

use crate::state::{Screen, State};

const PREFIX: &str = "w1";

#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub screen: Screen,
    pub depth: u32,
    pub skipped: FactSet,
    pub as_of: Option<Date>,
    /// On a region screen, the region whose places it listed (`None`: the provinces):
    /// each level is an entry, so back goes to the list before.
    pub list: Option<&'static str>,
}

impl Place {
    pub fn of(s: &State) -> Place {
        Place {
            screen: s.screen,
            depth: s.depth,
            skipped: s.skipped,
            as_of: s.as_of_override,
            list: s.region_list(),
        }
    }

    /// `w1|q5|3|40.0.0.0|2024-06-01|53`: screen (question number, r results, p print),
    /// depth, skipped facts as bits (four 32-bit quarters, low first), date or nothing,
    /// the region list or nothing (an entry written before it had one: the provinces).
    pub fn encode(&self) -> String {
        let screen = match self.screen {
            Screen::Ask(q) => format!("q{}", q as usize),
            Screen::Results => "r".into(),
            Screen::Print => "p".into(),
            Screen::Waiting => "w".into(),
        };
        let bits = self
            .skipped
            .iter()
            .fold(0u128, |bits, f| bits | 1 << (f as u32));
        let date = self.as_of.map(|d| d.to_string()).unwrap_or_default();
        // Four 32-bit quarters (more than 64 facts): u32 text is already in the wasm,
        // u128's would add to it.
        format!(
            "{PREFIX}|{screen}|{}|{}.{}.{}.{}|{date}|{}",
            self.depth,
            bits as u32,
            (bits >> 32) as u32,
            (bits >> 64) as u32,
            (bits >> 96) as u32,
            self.list.unwrap_or_default()
        )
    }

    pub fn decode(text: &str) -> Option<Place> {
        let mut parts = text.split('|');
        if parts.next()? != PREFIX {
            return None;
        }
        let screen = match parts.next()? {
            "r" => Screen::Results,
            "p" => Screen::Print,
            "w" => Screen::Waiting,
            q => Screen::Ask(*Question::ALL.get(q.strip_prefix('q')?.parse::<usize>().ok()?)?),
        };
        let depth = parts.next()?.parse().ok()?;
        let mut bits = 0u128;
        let mut quarters = 0;
        for q in parts.next()?.split('.') {
            if quarters == 4 {
                return None;
            }
            bits |= (q.parse::<u32>().ok()? as u128) << (32 * quarters);
            quarters += 1;
        }
        if quarters != 4 {
            return None;
        }
        let skipped = Fact::ALL
            .iter()
            .copied()
            .filter(|f| bits & (1 << (*f as u32)) != 0)
            .collect();
        let as_of = match parts.next()? {
            "" => None,
            d => Some(d.parse().ok()?),
        };
        let list = match parts.next() {
            None | Some("") => None,
            Some(c) => Some(wugong::region::find(c)?.code),
        };
        parts.next().is_none().then_some(Place {
            screen,
            depth,
            skipped,
            as_of,
            list,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_round_trips() {
        let mut skipped = FactSet::new();
        skipped.insert(Fact::Age);
        skipped.insert(Fact::OtherPublicPost);
        skipped.insert(Fact::ResettledTo);
        for screen in [
            Screen::Results,
            Screen::Print,
            Screen::Ask(Question::Home),
            Screen::Ask(Question::HasPublicPost),
            Screen::Ask(Question::Resettlement),
        ] {
            let p = Place {
                screen,
                depth: 7,
                skipped,
                as_of: Some("2024-06-01".parse().unwrap()),
                list: Some("5303"),
            };
            assert_eq!(Place::decode(&p.encode()), Some(p.clone()));
            let p = Place {
                as_of: None,
                list: None,
                ..p
            };
            assert_eq!(Place::decode(&p.encode()), Some(p));
        }
    }

    #[test]
    fn anything_else_is_ignored() {
        for bad in [
            "",
            "w1",
            "w1|q99|0|0|",
            "w1|x|0|0|",
            "w1|r|-1|0|",
            "w1|r|0|zz|",
            "w1|r|0|1|",
            "w1|r|0|0|2024-02-30",
            "w1|r|0|0||",
            "w1|r|0|0.0.0.0||99",
            "w1|r|0|0.0.0.0||53|",
            "<img src=x>",
            "w2|r|0|0|",
        ] {
            assert_eq!(Place::decode(bad), None, "{bad}");
        }
    }
}
