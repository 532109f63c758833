//! Fictional persons for the demo county and for benchmarks: varied, plausible situations
//! (families with small children, young adults, people with degrees, people who cannot read
//! Latin script, Ukrainians under § 24, asylum seekers, EU citizens) and a few
//! duplicates-in-waiting written in another spelling. Deterministic: the same seed gives the
//! same persons. All names are common names combined at random; nobody real is meant.

use crate::persons::{self, NameVariant, Names, PersonValues};
use crate::{Db, DbResult, Who};

/// A small deterministic generator (SplitMix64): no dependency, stable across versions.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

struct Origin {
    nationality: &'static str,
    language: &'static str,
    family: &'static [&'static str],
    female: &'static [&'static str],
    male: &'static [&'static str],
}

#[rustfmt::skip]
const ORIGINS: [Origin; 8] = [
    Origin { nationality: "SY", language: "ar", family: &["Al-Hassan", "Haddad", "Khalil", "Al-Ahmad", "Darwish", "Hamoud", "Yusuf", "Ibrahim", "Saleh", "Nasser"],
             female: &["Amina", "Fatima", "Rania", "Hiba", "Lama", "Noor", "Yasmin"], male: &["Mohammed", "Ahmad", "Omar", "Khaled", "Yusuf", "Hassan", "Ali"] },
    Origin { nationality: "AF", language: "fa", family: &["Rahimi", "Ahmadi", "Hosseini", "Karimi", "Sultani", "Noori", "Azizi"],
             female: &["Zahra", "Maryam", "Soraya", "Farzana", "Shabnam"], male: &["Farid", "Ahmad", "Mustafa", "Jawad", "Hamid", "Reza"] },
    Origin { nationality: "UA", language: "uk", family: &["Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Melnyk", "Kravchenko", "Boyko"],
             female: &["Olena", "Kateryna", "Tetiana", "Iryna", "Oksana", "Yuliia"], male: &["Oleksandr", "Serhii", "Mykola", "Andrii", "Yurii", "Dmytro"] },
    Origin { nationality: "ER", language: "ti", family: &["Tesfay", "Gebremedhin", "Haile", "Berhe", "Kidane", "Tekle"],
             female: &["Selam", "Helen", "Mebrat", "Saba", "Rahel"], male: &["Yonas", "Dawit", "Samuel", "Tesfalem", "Merhawi"] },
    Origin { nationality: "TR", language: "tr", family: &["Yilmaz", "Kaya", "Demir", "Çelik", "Şahin", "Aydın"],
             female: &["Elif", "Zeynep", "Ayşe", "Emine"], male: &["Mehmet", "Mustafa", "Emre", "Burak"] },
    Origin { nationality: "IQ", language: "ku", family: &["Barzani", "Ahmed", "Mahmoud", "Rashid", "Qadir", "Aziz"],
             female: &["Shirin", "Nasrin", "Layla", "Dilan"], male: &["Karwan", "Rebwar", "Ahmed", "Sherzad", "Azad"] },
    Origin { nationality: "SO", language: "so", family: &["Mohamed", "Abdi", "Hussein", "Warsame", "Farah"],
             female: &["Hodan", "Ifrah", "Sahra", "Khadija"], male: &["Abdirahman", "Liban", "Abdullahi", "Hamza"] },
    Origin { nationality: "RO", language: "ro", family: &["Popescu", "Ionescu", "Dumitru", "Stan", "Lungu"],
             female: &["Ioana", "Elena", "Maria", "Andreea"], male: &["Andrei", "Ion", "Mihai", "Florin"] },
];

/// Transliteration variants a second office may have written (for duplicates-in-waiting).
const VARIANTS: [(&str, &str); 10] = [
    ("Mohammed", "Muhammad"),
    ("Al-Hassan", "Alhassan"),
    ("Yusuf", "Youssef"),
    ("Ahmad", "Ahmed"),
    ("Khaled", "Chaled"),
    ("Hosseini", "Husseini"),
    ("Oleksandr", "Aleksandr"),
    ("Serhii", "Sergej"),
    ("Kovalenko", "Kowalenko"),
    ("Shevchenko", "Schewtschenko"),
];

fn variant(name: &str) -> String {
    for (a, b) in VARIANTS {
        if name.contains(a) {
            return name.replace(a, b);
        }
    }
    format!("{name}h")
}

/// One generated person. `municipalities` and `counsellors` are ids to draw from.
pub fn generate(
    rng: &mut Rng,
    municipalities: &[String],
    counsellors: &[String],
    job_centre: Option<&str>,
) -> (PersonValues, Vec<NameVariant>) {
    let o = rng.pick(&ORIGINS);
    let female = rng.chance(50);
    let given = if female {
        *rng.pick(o.female)
    } else {
        *rng.pick(o.male)
    };
    let second = if rng.chance(30) {
        format!(
            " {}",
            if female {
                rng.pick(o.female)
            } else {
                rng.pick(o.male)
            }
        )
    } else {
        String::new()
    };
    let family = *rng.pick(o.family);
    let year = 1960 + rng.below(48) as i32;
    let birth_date = match rng.below(10) {
        0 => format!("{year}"),
        1 => format!("{year}-01-01"),
        _ => format!("{year}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28)),
    };
    let arrived_year = 2014 + rng.below(13) as i32;
    let arrived = format!(
        "{arrived_year}-{:02}-{:02}",
        1 + rng.below(11).min(10),
        1 + rng.below(28)
    );
    let (status, paragraph, benefits, work) = match o.nationality {
        "UA" => (
            Some("aufenthaltserlaubnis"),
            Some("24"),
            Some(if arrived_year >= 2025 {
                "asylblg"
            } else {
                "sgb2"
            }),
            Some("work_permitted"),
        ),
        "RO" => (
            Some("eu_freedom_of_movement"),
            None,
            Some(if rng.chance(50) { "none" } else { "sgb2" }),
            None,
        ),
        "TR" => (
            Some("aufenthaltserlaubnis"),
            Some(*rng.pick(&["28", "30", "18a"])),
            Some("sgb2"),
            Some("work_permitted"),
        ),
        _ => match rng.below(6) {
            0 => (
                Some("aufenthaltsgestattung"),
                None,
                Some("asylblg"),
                Some("employment_with_permission"),
            ),
            1 => (
                Some("duldung"),
                None,
                Some("asylblg"),
                Some("employment_with_permission"),
            ),
            2 => (
                Some("niederlassungserlaubnis"),
                Some("26(3)"),
                Some("sgb2"),
                Some("work_permitted"),
            ),
            _ => (
                Some("aufenthaltserlaubnis"),
                Some(*rng.pick(&["25(2)", "25(1)", "36", "25b"])),
                Some("sgb2"),
                Some("work_permitted"),
            ),
        },
    };
    let literate_latin = match o.nationality {
        "UA" | "RO" | "TR" => Some(true),
        _ => Some(rng.chance(70)),
    };
    let german = *rng.pick(&["none", "A1", "A1", "A2", "B1", "B2"]);
    let languages = format!(r#"[{{"language":"{}","level":"native"}}]"#, o.language);
    let values = PersonValues {
        family_name: family.to_owned(),
        given_names: format!("{given}{second}"),
        sex: if female { "female" } else { "male" }.to_owned(),
        birth_date: Some(birth_date),
        birth_country: Some(o.nationality.to_owned()),
        nationalities: o.nationality.to_owned(),
        phone: rng
            .chance(80)
            .then(|| format!("+49 15{} {:07}", rng.below(10), rng.below(10_000_000))),
        municipality_id: (!municipalities.is_empty()).then(|| rng.pick(municipalities).clone()),
        arrived_germany_on: Some(arrived.clone()),
        arrived_county_on: Some(arrived),
        residence_status: status.map(str::to_owned),
        residence_paragraph: paragraph.map(str::to_owned),
        residence_first_issued_on: status
            .filter(|s| *s == "aufenthaltserlaubnis")
            .map(|_| format!("{}-{:02}-01", arrived_year.max(2016), 1 + rng.below(12))),
        work_annotation: work.map(str::to_owned),
        benefits_law: benefits.map(str::to_owned),
        responsible_org_id: benefits
            .filter(|b| *b == "sgb2")
            .and(job_centre)
            .map(str::to_owned),
        german_level: Some(german.to_owned()),
        literate_latin,
        languages,
        counsellor_id: (!counsellors.is_empty()).then(|| rng.pick(counsellors).clone()),
        case_status: if rng.chance(85) { "open" } else { "dormant" }.to_owned(),
        ..Default::default()
    };
    let names = if o.language == "ar" && rng.chance(20) {
        vec![NameVariant {
            family_name: variant(family),
            given_names: variant(given),
            kind: "transliteration".into(),
        }]
    } else {
        vec![]
    };
    (values, names)
}

/// Creates `n` persons in the tenant, about one in forty followed by the same person again in
/// another spelling with day and month swapped (a duplicate waiting to be found). With
/// `cases`, every person but the duplicates also gets a situation analysis and a plan
/// (`demo_cases`) written by their counsellor.
#[allow(clippy::too_many_arguments)]
pub fn seed(
    conn: &mut Db,
    who: Who<'_>,
    n: usize,
    seed: u64,
    municipalities: &[String],
    counsellors: &[String],
    job_centre: Option<&str>,
    cases: Option<(&crate::demo_cases::Partners, time::Date)>,
) -> DbResult<usize> {
    let mut rng = Rng::new(seed);
    let mut created = 0;
    while created < n {
        let (values, names) = generate(&mut rng, municipalities, counsellors, job_centre);
        let person = persons::create(
            conn,
            who,
            &values,
            Names {
                variants: &names,
                keys: &persons::keys_of(&values, &names),
            },
        )?;
        created += 1;
        if let Some((partners, today)) = cases {
            let counsellor = values.counsellor_id.as_deref().or(who.user_id);
            let by = Who {
                user_id: counsellor,
                ..who
            };
            crate::demo_cases::seed_case(conn, by, &mut rng, &person.id, &values, partners, today)?;
        }
        if created < n && rng.chance(3) {
            let mut twin = values.clone();
            twin.family_name = variant(&values.family_name);
            twin.given_names = variant(&values.given_names);
            twin.birth_date = values.birth_date.as_deref().map(|d| {
                match d.split('-').collect::<Vec<_>>().as_slice() {
                    [y, m, day] if day.parse::<u32>().is_ok_and(|v| v <= 12) => {
                        format!("{y}-{day}-{m}")
                    }
                    _ => d.to_owned(),
                }
            });
            persons::create(
                conn,
                who,
                &twin,
                Names {
                    variants: &[],
                    keys: &persons::keys_of(&twin, &[]),
                },
            )?;
            created += 1;
        }
    }
    Ok(created)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_is_deterministic_and_plausible() {
        let towns = vec!["t1".to_owned()];
        let a: Vec<_> = {
            let mut r = Rng::new(7);
            (0..50)
                .map(|_| generate(&mut r, &towns, &[], None))
                .collect()
        };
        let b: Vec<_> = {
            let mut r = Rng::new(7);
            (0..50)
                .map(|_| generate(&mut r, &towns, &[], None))
                .collect()
        };
        assert_eq!(a, b);
        for (v, _) in &a {
            assert!(!v.family_name.is_empty() && !v.given_names.is_empty());
            assert!(v.residence_status.is_some());
            if v.nationalities == "UA" {
                assert_eq!(v.residence_paragraph.as_deref(), Some("24"));
            }
        }
        assert!(
            a.iter()
                .any(|(v, _)| v.residence_status.as_deref() == Some("aufenthaltsgestattung"))
        );
        assert!(a.iter().any(|(v, _)| v.literate_latin == Some(false)));
    }
}
