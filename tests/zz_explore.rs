use std::collections::BTreeMap;
use wugong::condition::Condition;
use wugong::fact::FactKind;
fn strip(c: &Condition) -> Option<Condition> {
    match c {
        Condition::Test(t) if matches!(t.fact.kind(), FactKind::Region) => None,
        Condition::All(v) => {
            let v: Vec<_> = v.iter().filter_map(strip).collect();
            if v.is_empty() {
                None
            } else if v.len() == 1 {
                Some(v[0].clone())
            } else {
                Some(Condition::All(v))
            }
        }
        Condition::Any(v) => {
            let w: Vec<_> = v.iter().filter_map(strip).collect();
            if w.len() < v.len() {
                None
            } else {
                Some(Condition::Any(w))
            }
        }
        Condition::Not(b) => strip(b).map(|x| Condition::Not(Box::new(x))),
        o => Some(o.clone()),
    }
}
#[test]
fn explore() {
    let cat = selfcheck::embedded().unwrap();
    let mut g: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for d in &cat.documents {
        for m in &d.measures {
            let k = format!("{:?} | {:?} | {:?}", strip(&m.when), m.amount, m.kind);
            let (f, u) = m.period(d);
            g.entry(k)
                .or_default()
                .push(format!("{} [{} {}..{:?}]", m.id, d.region, f, u));
        }
    }
    for (k, v) in &g {
        if v.len() >= 2 {
            println!("{:?}\n   {}\n", v, &k[..k.len().min(200)]);
        }
    }
}
