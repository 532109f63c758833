//! The eligibility table: one row per situation, each naming the rule (by id) and the legal
//! basis it must cite. Dates are fixed so the table does not change with the calendar.

use time::Date;
use time::macros::date;

use super::*;
use crate::cefr::{CefrLevel, GermanLevel};
use crate::residence::{AgencyKind as A, BenefitsLaw, Residence, WorkAnnotation};
use Outcome as O;
use Topic as T;

const NOW: Date = date!(2026 - 11 - 23);
const Y2025: Date = date!(2025 - 09 - 01);

/// Facts plus evaluation date, built fluently.
#[derive(Clone)]
struct F {
    facts: Facts,
    on: Date,
}

fn on(on: Date) -> F {
    F {
        facts: Facts::default(),
        on,
    }
}

impl F {
    fn res(mut self, status: &str, paragraph: Option<&str>, kind: Option<&str>) -> Self {
        self.facts.residence = Some(Residence::parse(status, paragraph, kind).unwrap());
        self
    }
    fn ae(self, paragraph: &str) -> Self {
        self.res("aufenthaltserlaubnis", Some(paragraph), None)
    }
    fn st(self, status: &str) -> Self {
        self.res(status, None, None)
    }
    fn duldung(self, kind: &str) -> Self {
        self.res("duldung", None, Some(kind))
    }
    fn issued(mut self, d: Date) -> Self {
        self.facts.first_issued_on = Some(d);
        self
    }
    fn until(mut self, d: Date) -> Self {
        self.facts.valid_until = Some(d);
        self
    }
    fn entered(mut self, d: Date) -> Self {
        self.facts.entered_germany_on = Some(d);
        self
    }
    fn applied(mut self, d: Date) -> Self {
        self.facts.asylum_applied_on = Some(d);
        self
    }
    fn reception(mut self, b: bool) -> Self {
        self.facts.lives_in_reception_centre = Some(b);
        self
    }
    fn born(mut self, year: i32) -> Self {
        let birth = crate::date::PartialDate::parse("birth_date", &format!("{year}-06")).unwrap();
        self.facts.birth = Some(birth);
        self
    }
    fn nat(mut self, code: &str) -> Self {
        self.facts.nationalities.push(code.to_owned());
        self
    }
    fn de(mut self, level: &str) -> Self {
        self.facts.german_level = Some(GermanLevel::parse(level).unwrap());
        self
    }
    fn cert(mut self, level: &str) -> Self {
        self.facts.certificate = Some(CefrLevel::parse(level).unwrap());
        self
    }
    fn script(mut self, latin: bool, other: Option<bool>) -> Self {
        self.facts.literate_latin = Some(latin);
        self.facts.literate_other_script = other;
        self
    }
    fn law(mut self, law: &str) -> Self {
        self.facts.benefits_law = Some(BenefitsLaw::parse(law).unwrap());
        self
    }
    fn employed(mut self) -> Self {
        self.facts.employed = Some(true);
        self
    }
    fn school(mut self) -> Self {
        self.facts.in_school = Some(true);
        self
    }
    fn parent(mut self) -> Self {
        self.facts.parent_of_minor = Some(true);
        self
    }
    fn uma(mut self) -> Self {
        self.facts.unaccompanied_minor = Some(true);
        self
    }
    fn obliged(mut self, by: &str, d: Date) -> Self {
        let issued_by = ObligationIssuer::parse(by).unwrap();
        self.facts.course_obligation = Some(CourseObligation {
            issued_by,
            issued_on: Some(d),
        });
        self
    }
    fn admitted(mut self, d: Date) -> Self {
        self.facts.course_admission_on = Some(d);
        self
    }
    fn attended(mut self, b: bool) -> Self {
        self.facts.attended_integration_course = Some(b);
        self
    }
    fn placement(mut self, module: Option<u8>, course: Option<&str>, intensive: bool) -> Self {
        self.facts.placement = Some(Placement {
            tested_on: Some(self.on),
            start_module: module.map(|m| StartModule::new(m).unwrap()),
            recommended_course: course.map(|c| CourseType::parse(c).unwrap()),
            intensive_suitable: Some(intensive),
        });
        self
    }
    fn annot(mut self, a: &str) -> Self {
        self.facts.work_annotation = Some(WorkAnnotation::parse(a).unwrap());
        self
    }
}

struct Case {
    name: &'static str,
    f: F,
    topic: Topic,
    outcome: Outcome,
    /// The rule the row checks.
    rule: &'static str,
    /// A part of the legal basis the finding must cite.
    basis: &'static str,
    detail: Option<&'static str>,
    agency: Option<A>,
}

fn case(
    name: &'static str,
    f: F,
    topic: Topic,
    outcome: Outcome,
    rule: &'static str,
    basis: &'static str,
) -> Case {
    Case {
        name,
        f,
        topic,
        outcome,
        rule,
        basis,
        detail: None,
        agency: None,
    }
}

impl Case {
    fn detail(mut self, d: &'static str) -> Self {
        self.detail = Some(d);
        self
    }
    fn agency(mut self, a: A) -> Self {
        self.agency = Some(a);
        self
    }
}

/// A recognised refugee whose title was issued this year: the everyday case.
fn refugee() -> F {
    on(NOW)
        .ae("25(2)")
        .issued(date!(2026 - 05 - 01))
        .until(date!(2029 - 04 - 30))
        .born(1990)
}

#[rustfmt::skip]
fn cases() -> Vec<Case> {
    vec![
        // --- Integration course: entitlement, AufenthG § 44 Abs. 1 ---
        case("refugee 25(2) first title", refugee().de("none"), T::IntegrationCourse, O::Entitled, "ik.entitled", "AufenthG § 44 Abs. 1 Satz 1 Nr. 1 Buchst. c"),
        case("child reunification § 32", on(NOW).ae("32").issued(date!(2026 - 03 - 01)).until(date!(2028 - 03 - 01)).born(2007), T::IntegrationCourse, O::Entitled, "ik.entitled", "Nr. 1 Buchst. b"),
        case("skilled worker § 18a", on(NOW).ae("§ 18a AufenthG").issued(date!(2026 - 02 - 01)).until(date!(2030 - 01 - 31)), T::IntegrationCourse, O::Entitled, "ik.entitled", "Nr. 1 Buchst. a"),
        case("resettlement § 23(4)", on(NOW).ae("23 Abs. 4").issued(date!(2026 - 09 - 01)).until(date!(2029 - 08 - 31)), T::IntegrationCourse, O::Entitled, "ik.entitled", "Satz 1 Nr. 2"),
        case("NE under § 23(2)", on(NOW).res("niederlassungserlaubnis", Some("23(2)"), None).issued(date!(2026 - 04 - 01)), T::IntegrationCourse, O::Entitled, "ik.entitled", "Satz 1 Nr. 2"),
        case("long-term resident § 38a", on(NOW).ae("38a").issued(date!(2026 - 01 - 10)).until(date!(2028 - 01 - 10)), T::IntegrationCourse, O::Entitled, "ik.entitled", "Nr. 1 Buchst. d"),
        case("title shorter than a year", on(NOW).ae("25(2)").issued(date!(2026 - 10 - 01)).until(date!(2027 - 03 - 31)), T::IntegrationCourse, O::UnknownCheckManually, "ik.entitled_short_title", "§ 44 Abs. 1 Satz 2").detail("title_shorter_than_one_year"),
        case("entitling title without issue date", on(NOW).ae("28"), T::IntegrationCourse, O::UnknownCheckManually, "ik.entitled_no_issue_date", "§ 44 Abs. 1 und 2"),
        // --- § 44 Abs. 2: entitlement lapsed → § 44 Abs. 4 Satz 1 ---
        case("entitlement lapsed, 2025", on(Y2025).ae("25(2)").issued(date!(2024 - 06 - 01)).until(date!(2027 - 05 - 31)), T::IntegrationCourse, O::AdmissibleOnApplication, "ik.admission", "§ 44 Abs. 4 Satz 1; § 44 Abs. 2").detail("entitlement_expired"),
        case("entitlement lapsed, 2026 stop", on(NOW).ae("25(2)").issued(date!(2024 - 06 - 01)).until(date!(2027 - 05 - 31)), T::IntegrationCourse, O::AdmissionSuspended, "ik.admission_stopped", "Trägerrundschreiben vom 9.2.2026").detail("entitlement_expired"),
        // --- § 44 Abs. 3 exclusions ---
        case("already B1 (level)", refugee().de("B1"), T::IntegrationCourse, O::AlreadyReached, "ik.already_b1", "§ 44 Abs. 3 Satz 1 Nr. 3"),
        case("already B1 (certificate)", refugee().de("A2").cert("B1"), T::IntegrationCourse, O::AlreadyReached, "ik.already_b1", "§ 44 Abs. 3 Satz 1 Nr. 3"),
        case("school pupil", refugee().born(2011).school(), T::IntegrationCourse, O::NotEligible, "ik.school", "§ 44 Abs. 3 Satz 1 Nr. 1"),
        case("residence title expired", on(NOW).ae("25(2)").issued(date!(2026 - 01 - 01)).until(date!(2026 - 10 - 31)), T::IntegrationCourse, O::UnknownCheckManually, "ik.title_expired", "§ 81 Abs. 4"),
        // --- Not eligible / Germans ---
        case("German citizen, level unknown", on(NOW).st("german_citizen"), T::IntegrationCourse, O::NotEligible, "ik.german_citizen", "§ 44 Abs. 4 Satz 2"),
        case("German citizen with A1, 2025", on(Y2025).st("german_citizen").de("A1"), T::IntegrationCourse, O::AdmissibleOnApplication, "ik.admission", "§ 44 Abs. 4 Satz 2").detail("german_citizen"),
        // --- § 44 Abs. 4 admission, before and after the 2026 stop ---
        case("EU citizen 2025", on(Y2025).st("eu_freedom_of_movement").nat("PL"), T::IntegrationCourse, O::AdmissibleOnApplication, "ik.admission", "FreizügG/EU § 11 Abs. 1").detail("eu_citizen").agency(A::Bamf),
        case("EU citizen 2026", on(NOW).st("eu_freedom_of_movement").nat("PL"), T::IntegrationCourse, O::AdmissionSuspended, "ik.admission_stopped", "BAMF-Trägerrundschreiben vom 9.2.2026").detail("eu_citizen"),
        case("EU national, no status recorded", on(Y2025).nat("RO"), T::IntegrationCourse, O::AdmissibleOnApplication, "ik.admission", "FreizügG/EU").detail("eu_citizen"),
        case("Ukrainian § 24, 2025", on(Y2025).ae("24").issued(date!(2025 - 04 - 01)).nat("UA"), T::IntegrationCourse, O::AdmissibleOnApplication, "ik.admission", "§ 44 Abs. 4 Satz 2 Nr. 3").detail("title_24_or_25_5"),
        case("Ukrainian § 24, 2026", on(NOW).ae("24").issued(date!(2025 - 04 - 01)).nat("UA"), T::IntegrationCourse, O::AdmissionSuspended, "ik.admission_stopped", "Satz 2 Nr. 3"),
        case("Ukrainian admitted before the stop", on(NOW).ae("24").nat("UA").admitted(date!(2025 - 10 - 01)), T::IntegrationCourse, O::Admitted, "ik.admitted", "§ 44 Abs. 4").detail("2025-10-01"),
        case("§ 25(5), 2025", on(Y2025).ae("25(5)").issued(date!(2024 - 01 - 01)).until(date!(2026 - 12 - 31)), T::IntegrationCourse, O::AdmissibleOnApplication, "ik.admission", "Satz 2 Nr. 3"),
        case("§ 25(3) has no entitlement", on(Y2025).ae("25(3)").issued(date!(2025 - 05 - 01)), T::IntegrationCourse, O::AdmissibleOnApplication, "ik.admission", "§ 44 Abs. 4 Satz 1").detail("no_entitlement"),
        case("NE without paragraph", on(Y2025).st("niederlassungserlaubnis"), T::IntegrationCourse, O::AdmissibleOnApplication, "ik.admission", "§ 44 Abs. 4 Satz 1").detail("no_entitlement"),
        // --- Asylum seekers: with/without good prospects (2019 wording), open since 31.12.2022 ---
        case("asylum seeker, Syria, 2022 (good prospects)", on(date!(2022 - 06 - 01)).st("aufenthaltsgestattung").nat("SY").entered(date!(2021 - 10 - 01)), T::IntegrationCourse, O::AdmissibleOnApplication, "ik.admission_2019", "Satz 2 Nr. 1 (Fassung 1.8.2019)").detail("gestattung"),
        case("asylum seeker, Turkey, 2022 (no prospects)", on(date!(2022 - 06 - 01)).st("aufenthaltsgestattung").nat("TR").entered(date!(2021 - 10 - 01)), T::IntegrationCourse, O::NotEligible, "ik.gestattung_no_prospects_2019", "Satz 3 (Fassung 1.8.2019)"),
        case("asylum seeker entered before 1.8.2019, 2022", on(date!(2022 - 06 - 01)).st("aufenthaltsgestattung").nat("TR").entered(date!(2018 - 10 - 01)), T::IntegrationCourse, O::UnknownCheckManually, "ik.gestattung_early_entry_2019", "Nr. 1 Buchst. b").detail("labour_market_proximity"),
        case("asylum seeker, Turkey, 2025 (open)", on(Y2025).st("aufenthaltsgestattung").nat("TR"), T::IntegrationCourse, O::AdmissibleOnApplication, "ik.admission", "§ 44 Abs. 4 Satz 2 Nr. 1").detail("gestattung"),
        case("asylum seeker 2026 stop", on(NOW).st("aufenthaltsgestattung").nat("AF"), T::IntegrationCourse, O::AdmissionSuspended, "ik.admission_stopped", "Satz 2 Nr. 1"),
        case("asylum seeker, safe country, 2025", on(Y2025).st("aufenthaltsgestattung").nat("AL"), T::IntegrationCourse, O::UnknownCheckManually, "ik.gestattung_safe_country", "AsylG § 29a").detail("safe_country_of_origin"),
        case("asylum seeker before modelled law", on(date!(2018 - 05 - 01)).st("aufenthaltsgestattung").nat("SY"), T::IntegrationCourse, O::UnknownCheckManually, "no_rule", ""),
        // --- Duldung kinds ---
        case("Duldung § 60a(2) S.1", on(Y2025).duldung("general"), T::IntegrationCourse, O::NotEligible, "ik.duldung_other", "Satz 2 Nr. 2").detail("general"),
        case("Duldung light § 60b", on(Y2025).duldung("unclear_identity"), T::IntegrationCourse, O::NotEligible, "ik.duldung_other", "Satz 2 Nr. 2").detail("unclear_identity"),
        case("Ausbildungsduldung § 60c, 2025", on(Y2025).duldung("training"), T::IntegrationCourse, O::AdmissibleOnApplication, "ik.admission", "Satz 2 Nr. 2").detail("duldung_60a_2_3"),
        case("Ermessensduldung, 2026", on(NOW).duldung("discretionary"), T::IntegrationCourse, O::AdmissionSuspended, "ik.admission_stopped", "Satz 2 Nr. 2"),
        case("Duldung without kind", on(NOW).st("duldung"), T::IntegrationCourse, O::UnknownCheckManually, "ik.missing_facts", "AufenthG § 44").detail("duldung_kind_missing"),
        // --- Unknown input is kept and flagged ---
        case("unknown paragraph", on(NOW).ae("104z").issued(date!(2026 - 01 - 01)), T::IntegrationCourse, O::UnknownCheckManually, "ik.unknown_paragraph", "AufenthG § 44").detail("unknown_paragraph: 104z"),
        case("bare § 25 is ambiguous", on(NOW).ae("25"), T::IntegrationCourse, O::UnknownCheckManually, "ik.unknown_paragraph", "AufenthG § 44").detail("unknown_paragraph: 25"),
        case("no residence status", on(NOW).nat("SY"), T::IntegrationCourse, O::UnknownCheckManually, "ik.missing_facts", "AufenthG § 44").detail("residence_status_missing"),
        // --- Obligation, AufenthG § 44a ---
        case("ABH obliges: no German", refugee().de("none"), T::IntegrationCourse, O::MayBeObliged, "ob.abh_no_german", "§ 44a Abs. 1 Satz 1 Nr. 1 Buchst. a").agency(A::ImmigrationOffice),
        case("ABH obliges: spouse § 30 below B1", on(NOW).ae("30").issued(date!(2026 - 06 - 01)).until(date!(2029 - 06 - 01)).de("A2"), T::IntegrationCourse, O::MayBeObliged, "ob.abh_family_b1", "Nr. 1 Buchst. b").agency(A::ImmigrationOffice),
        case("Jobcenter, Kooperationsplan", on(Y2025).ae("25(2)").issued(date!(2023 - 01 - 01)).de("A2").law("sgb2"), T::IntegrationCourse, O::MayBeObliged, "ob.jobcentre", "IntV § 5a").agency(A::JobCentre),
        case("Jobcenter, Eingliederungsvereinbarung (2022)", on(date!(2022 - 05 - 01)).ae("25(2)").issued(date!(2020 - 01 - 01)).de("A2").law("sgb2"), T::IntegrationCourse, O::MayBeObliged, "ob.jobcentre_ev", "Eingliederungsvereinbarung").agency(A::JobCentre),
        case("existing obligation by Jobcenter", refugee().de("A1").law("sgb2").obliged("job_centre", date!(2026 - 06 - 15)), T::IntegrationCourse, O::Obliged, "ob.existing", "§ 44a Abs. 1 Satz 1 Nr. 2").detail("2026-06-15").agency(A::JobCentre),
        case("AsylbLG office, 2025", on(Y2025).st("aufenthaltsgestattung").nat("IQ").law("asylblg").de("none"), T::IntegrationCourse, O::MayBeObliged, "ob.asylblg", "Nr. 4").agency(A::AsylblgOffice),
        case("AsylbLG office during the 2026 stop", on(NOW).st("aufenthaltsgestattung").nat("IQ").law("asylblg"), T::IntegrationCourse, O::UnknownCheckManually, "ob.asylblg_2026", "Nr. 4"),
        case("ABH: parent with special need", on(Y2025).st("niederlassungserlaubnis").de("none").parent(), T::IntegrationCourse, O::MayBeObliged, "ob.abh_special_need", "Nr. 3"),
        // --- Course type, IntV §§ 10–13 ---
        case("literacy course", refugee().script(false, Some(false)), T::CourseType, O::Recommended, "ct.literacy", "IntV § 13 Abs. 1").detail("literacy"),
        case("second-script course", refugee().script(false, Some(true)), T::CourseType, O::Recommended, "ct.second_script", "IntV § 13 Abs. 1").detail("second_script"),
        case("general course", refugee().script(true, None), T::CourseType, O::Recommended, "ct.general", "IntV § 10").detail("general"),
        case("intensive course", refugee().script(true, None).placement(Some(1), None, true), T::CourseType, O::Recommended, "ct.intensive", "IntV § 13 Abs. 2").detail("intensive"),
        case("placement test decides", refugee().script(true, None).placement(None, Some("literacy"), false), T::CourseType, O::Recommended, "ct.placement", "IntV § 11 Abs. 2").detail("literacy"),
        case("literacy not recorded", refugee(), T::CourseType, O::UnknownCheckManually, "ct.literacy_unknown", "IntV § 11 Abs. 2").detail("literacy_not_recorded"),
        case("youth course before the reform", on(date!(2023 - 05 - 01)).ae("25(2)").issued(date!(2023 - 01 - 01)).born(2001).script(true, None), T::CourseType, O::Recommended, "ct.youth", "Fassung bis 6.12.2024").detail("youth"),
        case("youth course abolished", on(date!(2025 - 01 - 15)).ae("25(2)").issued(date!(2024 - 12 - 01)).born(2001).script(true, None), T::CourseType, O::Recommended, "ct.general", "IntV § 10").detail("general"),
        case("parents' course before the reform", on(date!(2024 - 06 - 01)).ae("30").issued(date!(2024 - 01 - 01)).born(1988).parent().script(true, None), T::CourseType, O::Recommended, "ct.parents", "Nr. 2 (Fassung bis 6.12.2024)").detail("parents_or_women"),
        // --- Start module, IntV § 11 Abs. 2 ---
        case("start module from placement", refugee().placement(Some(3), None, false), T::StartModule, O::Recommended, "sm.placement", "IntV § 11 Abs. 2").detail("3"),
        case("no German: module 1", refugee().de("none"), T::StartModule, O::Recommended, "sm.no_german", "IntV § 11 Abs. 2").detail("1"),
        case("placement test needed", refugee().de("A1"), T::StartModule, O::UnknownCheckManually, "sm.test_needed", "IntV § 11 Abs. 2").detail("placement_test_needed"),
        // --- Job-related German, AufenthG § 45a / DeuFöV ---
        case("B1 with SGB II: basic course via Jobcenter", refugee().de("B1").law("sgb2"), T::JobRelatedGerman, O::AdmissibleOnApplication, "bsk.basic", "DeuFöV § 12").detail("basic_b1_b2").agency(A::JobCentre),
        case("B2 employed: basic course via BAMF", on(NOW).st("niederlassungserlaubnis").de("B2").employed(), T::JobRelatedGerman, O::AdmissibleOnApplication, "bsk.basic", "DeuFöV § 12").detail("basic_b2_c1").agency(A::Bamf),
        case("A2 after integration course: special course", refugee().de("A2").attended(true).law("sgb3"), T::JobRelatedGerman, O::AdmissibleOnApplication, "bsk.special_after_ik", "DeuFöV § 13 Abs. 1 Nr. 3").detail("special_a2_b1").agency(A::EmploymentAgency),
        case("A1 without integration course", refugee().de("A1").attended(false), T::JobRelatedGerman, O::NotEligible, "bsk.ik_first", "AufenthG § 45a Abs. 1"),
        case("Duldung light: no job-related course", on(NOW).duldung("unclear_identity").de("A2"), T::JobRelatedGerman, O::NotEligible, "bsk.duldung_light", "§ 60b Abs. 5"),
        case("Duldung under six months", on(NOW).duldung("general").issued(date!(2026 - 08 - 01)).de("A2"), T::JobRelatedGerman, O::NotEligible, "bsk.duldung_short", "AufenthG § 45a Abs. 2"),
        case("Ausbildungsduldung below A2: special course", on(NOW).duldung("training").de("A1"), T::JobRelatedGerman, O::AdmissibleOnApplication, "bsk.special_duldung", "DeuFöV § 13 Abs. 1 Nr. 4").detail("special_below_a2_a2"),
        case("C2 reached", on(NOW).st("eu_freedom_of_movement").de("C2"), T::JobRelatedGerman, O::AlreadyReached, "bsk.c2", "DeuFöV § 12"),
        // --- Access to work ---
        case("refugee § 25(2)", refugee(), T::AccessToWork, O::Permitted, "work.title_permits", "§ 25 Abs. 2 Satz 2 i. V. m. Abs. 1 Satz 4"),
        case("Ukrainian § 24", on(NOW).ae("24").issued(date!(2025 - 04 - 01)).until(date!(2027 - 03 - 04)), T::AccessToWork, O::Permitted, "work.title_permits", "§ 4a Abs. 1 Satz 1"),
        case("family § 30", on(NOW).ae("30"), T::AccessToWork, O::Permitted, "work.title_permits", "§ 27 Abs. 5"),
        case("Blue Card § 18g: purpose-bound", on(NOW).ae("18g"), T::AccessToWork, O::Permitted, "work.purpose_bound", "§ 4a Abs. 1 Satz 2").detail("only_as_stated_in_title"),
        case("Gestattung, first three months", on(NOW).st("aufenthaltsgestattung").nat("SY").entered(date!(2026 - 10 - 01)).reception(false), T::AccessToWork, O::NotPermitted, "work.gestattung_waiting", "AsylG § 61 Abs. 2 Satz 1"),
        case("Gestattung after three months", on(NOW).st("aufenthaltsgestattung").nat("SY").entered(date!(2026 - 05 - 01)).reception(false), T::AccessToWork, O::WithPermission, "work.gestattung", "AsylG § 61 Abs. 2 Satz 1"),
        case("reception centre, four months (2026)", on(NOW).st("aufenthaltsgestattung").nat("SY").applied(date!(2026 - 07 - 15)).reception(true), T::AccessToWork, O::NotPermitted, "work.reception_centre_6m", "AsylG § 61 Abs. 1 Satz 1"),
        case("reception centre, seven months (2026)", on(NOW).st("aufenthaltsgestattung").nat("SY").applied(date!(2026 - 04 - 01)).reception(true), T::AccessToWork, O::WithPermission, "work.reception_centre_open", "AsylG § 61 Abs. 1 Satz 2"),
        case("reception centre, seven months (2023)", on(date!(2023 - 11 - 01)).st("aufenthaltsgestattung").nat("SY").applied(date!(2023 - 04 - 01)).reception(true), T::AccessToWork, O::NotPermitted, "work.reception_centre_9m", "Fassung bis 26.2.2024"),
        case("Gestattung, reception centre unknown", on(NOW).st("aufenthaltsgestattung").nat("SY").entered(date!(2026 - 01 - 01)), T::AccessToWork, O::UnknownCheckManually, "work.gestattung_reception_unknown", "AsylG § 61").detail("reception_centre_not_recorded"),
        case("Gestattung, safe country", on(NOW).st("aufenthaltsgestattung").nat("RS").applied(date!(2026 - 01 - 10)).reception(false), T::AccessToWork, O::NotPermitted, "work.gestattung_safe_country", "AsylG § 61 Abs. 2 Satz 4"),
        case("Duldung § 60a", on(NOW).duldung("general").nat("IQ").entered(date!(2020 - 01 - 01)), T::AccessToWork, O::WithPermission, "work.duldung", "BeschV § 32"),
        case("Duldung, first three months", on(NOW).duldung("general").nat("IQ").entered(date!(2026 - 10 - 01)), T::AccessToWork, O::NotPermitted, "work.duldung_waiting", "BeschV § 32 Abs. 1"),
        case("Gestattung without any date", on(NOW).st("aufenthaltsgestattung").nat("SY").reception(false), T::AccessToWork, O::UnknownCheckManually, "work.missing", "AufenthG § 4a").detail("arrival_date_missing"),
        case("Duldung without any date", on(NOW).duldung("general").nat("IQ"), T::AccessToWork, O::UnknownCheckManually, "work.missing", "AufenthG § 4a").detail("arrival_date_missing"),
        case("Duldung light", on(NOW).duldung("unclear_identity").entered(date!(2020 - 01 - 01)), T::AccessToWork, O::NotPermitted, "work.duldung_light", "§ 60b Abs. 5 Satz 2"),
        case("Ausbildungsduldung", on(NOW).duldung("training"), T::AccessToWork, O::Permitted, "work.duldung_training", "§ 60c Abs. 1"),
        case("Beschäftigungsduldung", on(NOW).duldung("employment"), T::AccessToWork, O::Permitted, "work.duldung_employment", "§ 60d Abs. 1"),
        case("Duldung, safe country, applied 2017", on(NOW).duldung("general").nat("XK").applied(date!(2017 - 03 - 01)), T::AccessToWork, O::NotPermitted, "work.duldung_safe_country", "§ 60a Abs. 6 Satz 1 Nr. 3"),
        case("annotation decides", on(NOW).ae("25(5)").annot("employment_with_permission"), T::AccessToWork, O::WithPermission, "work.annotation_with_permission", "§ 4a Abs. 3 Satz 1").detail("Beschäftigung nur mit Genehmigung der Ausländerbehörde"),
        case("§ 25(5) without annotation", on(NOW).ae("25(5)"), T::AccessToWork, O::UnknownCheckManually, "work.check_document", "§ 4a Abs. 1 und 3").detail("read_annotation: 25(5)"),
        case("unknown paragraph: read the document", on(NOW).ae("104z"), T::AccessToWork, O::UnknownCheckManually, "work.check_document", "§ 4a").detail("read_annotation: 104z"),
        case("EU citizen", on(NOW).st("eu_freedom_of_movement"), T::AccessToWork, O::Permitted, "work.eu", "FreizügG/EU § 2 Abs. 2 Nr. 1"),
        case("Niederlassungserlaubnis", on(NOW).st("niederlassungserlaubnis"), T::AccessToWork, O::Permitted, "work.settled", "§ 9 Abs. 1 Satz 2"),
        // --- Responsible agency ---
        case("SGB II → Jobcenter", refugee().law("sgb2"), T::ResponsibleAgency, O::Responsible, "ag.recorded", "SGB II § 6").detail("sgb2").agency(A::JobCentre),
        case("SGB III → Agentur für Arbeit", refugee().law("sgb3"), T::ResponsibleAgency, O::Responsible, "ag.recorded", "SGB III").detail("sgb3").agency(A::EmploymentAgency),
        case("SGB XII → Sozialamt", refugee().law("sgb12"), T::ResponsibleAgency, O::Responsible, "ag.recorded", "SGB XII § 3").agency(A::SocialWelfareOffice),
        case("AsylbLG, recent arrival", on(NOW).st("aufenthaltsgestattung").entered(date!(2025 - 06 - 01)).law("asylblg"), T::ResponsibleAgency, O::Responsible, "ag.recorded", "AsylbLG § 1").detail("asylblg").agency(A::AsylblgOffice),
        case("AsylbLG, 40 months: § 2 benefits", on(NOW).st("aufenthaltsgestattung").entered(date!(2023 - 07 - 01)).law("asylblg"), T::ResponsibleAgency, O::Responsible, "ag.asylblg_analog_36m", "36 Monate").detail("asylblg_section_2").agency(A::AsylblgOffice),
        case("AsylbLG, 20 months in 2023: § 2 benefits (old 18 months)", on(date!(2023 - 09 - 01)).duldung("general").entered(date!(2022 - 01 - 01)).law("asylblg"), T::ResponsibleAgency, O::Responsible, "ag.asylblg_analog_18m", "18 Monate"),
        case("AsylbLG, 20 months in 2025: still basic benefits", on(Y2025).duldung("general").entered(date!(2024 - 01 - 01)).law("asylblg"), T::ResponsibleAgency, O::Responsible, "ag.recorded", "AsylbLG § 1, § 10"),
        case("no benefits recorded as such", refugee().law("none"), T::ResponsibleAgency, O::Responsible, "ag.recorded", "kein Leistungsbezug").agency(A::None),
        case("unaccompanied minor → Jugendamt", on(NOW).st("aufenthaltsgestattung").born(2010).uma(), T::ResponsibleAgency, O::Responsible, "ag.unaccompanied_minor", "SGB VIII § 42a").agency(A::YouthWelfareOffice),
        case("SGB VIII recorded → Jugendamt", on(NOW).st("aufenthaltsgestattung").law("sgb8"), T::ResponsibleAgency, O::Responsible, "ag.recorded", "SGB VIII § 85").agency(A::YouthWelfareOffice),
        case("benefits law not recorded", on(NOW).st("aufenthaltsgestattung"), T::ResponsibleAgency, O::UnknownCheckManually, "ag.expected", "AsylbLG § 1").detail("expected_asylblg"),
        case("Ukrainian first title after 31.3.2025", on(NOW).ae("24").issued(date!(2025 - 06 - 01)), T::ResponsibleAgency, O::UnknownCheckManually, "ag.ukraine_switch_2026", "Leistungsrechtsanpassungsgesetz").detail("planned_switch_to_asylblg"),
    ]
}

#[test]
fn eligibility_table() {
    let cases = cases();
    assert!(cases.len() >= 40, "the table must keep at least 40 rows");
    let mut failures = Vec::new();
    for c in &cases {
        let findings = evaluate(&c.f.facts, c.f.on);
        let Some(found) = findings
            .iter()
            .find(|f| f.rule_id == c.rule && f.topic == c.topic)
        else {
            let got: Vec<_> = findings
                .iter()
                .map(|f| format!("{}={}:{}", f.topic, f.rule_id, f.outcome))
                .collect();
            failures.push(format!(
                "{}: rule {} not applied; got {got:?}",
                c.name, c.rule
            ));
            continue;
        };
        let mut problems = Vec::new();
        if found.outcome != c.outcome {
            problems.push(format!("outcome {} != {}", found.outcome, c.outcome));
        }
        if !found.legal_basis.contains(c.basis) {
            problems.push(format!("basis '{}' lacks '{}'", found.legal_basis, c.basis));
        }
        if c.detail.is_some() && found.detail.as_deref() != c.detail {
            problems.push(format!("detail {:?} != {:?}", found.detail, c.detail));
        }
        if c.agency.is_some() && found.agency != c.agency {
            problems.push(format!("agency {:?} != {:?}", found.agency, c.agency));
        }
        if found.explanation.de.is_empty() || found.explanation.en.contains("{") {
            problems.push("explanation empty or unfilled".to_owned());
        }
        // The sentences name the detail in words, never as a code (`sgb2`, `literacy_not_recorded`).
        for text in [&found.explanation.de, &found.explanation.en] {
            if text.contains('_') {
                problems.push(format!("code in the explanation: {text}"));
            }
        }
        if !problems.is_empty() {
            failures.push(format!("{}: {}", c.name, problems.join("; ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing rows:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_rule_has_texts_and_a_legal_basis() {
    for rule in all_rules() {
        assert!(
            !rule.de.is_empty() && !rule.en.is_empty(),
            "{} lacks texts",
            rule.id
        );
        assert!(
            !rule.legal_basis.is_empty(),
            "{} lacks a legal basis",
            rule.id
        );
        if let (Some(from), Some(until)) = (rule.valid_from, rule.valid_until) {
            assert!(from <= until, "{} has an empty validity", rule.id);
        }
    }
    let mut ids: Vec<_> = all_rules().map(|r| r.id).collect();
    ids.sort_unstable();
    let before = ids.len();
    ids.dedup();
    assert_eq!(before, ids.len(), "rule ids must be unique");
}

#[test]
fn facts_used_name_what_the_rule_read() {
    let findings = evaluate(&refugee().de("none").facts, NOW);
    let entitled = findings
        .iter()
        .find(|f| f.rule_id == "ik.entitled")
        .unwrap();
    let fields: Vec<_> = entitled.facts_used.iter().map(|f| f.field).collect();
    assert!(fields.contains(&"residence.paragraph"), "{fields:?}");
    assert!(fields.contains(&"first_issued_on"), "{fields:?}");
    let paragraph = entitled
        .facts_used
        .iter()
        .find(|f| f.field == "residence.paragraph")
        .unwrap();
    assert_eq!(paragraph.value, "25(2)");
}

#[test]
fn course_questions_are_skipped_when_no_course_is_possible() {
    let findings = evaluate(&refugee().de("B2").facts, NOW);
    assert!(
        findings
            .iter()
            .all(|f| f.topic != Topic::CourseType && f.topic != Topic::StartModule)
    );
    assert!(findings.iter().any(|f| f.topic == Topic::AccessToWork));
}

#[test]
fn findings_serialize_for_the_api() {
    let findings = evaluate(&refugee().de("none").law("sgb2").facts, NOW);
    let json = serde_json::to_value(&findings).unwrap();
    let first = &json[0];
    assert_eq!(first["topic"], "integration_course");
    assert_eq!(first["outcome"], "entitled");
    assert_eq!(
        first["legal_basis"],
        "AufenthG § 44 Abs. 1 Satz 1 Nr. 1 Buchst. c"
    );
    assert!(
        first["explanation"]["de"]
            .as_str()
            .unwrap()
            .contains("Anspruch")
    );
}

#[test]
fn start_module_is_one_to_six() {
    assert!(StartModule::new(0).is_err());
    assert!(StartModule::new(7).is_err());
    assert_eq!(StartModule::new(6).map(StartModule::get), Ok(6));
}

// The situation analysis feeds the rules.

fn section(section: crate::assessment::Section, json: &str) -> crate::assessment::Content {
    crate::assessment::parse(section, &mut serde_json::Deserializer::from_str(json)).unwrap()
}

#[test]
fn placement_test_in_the_analysis_gives_the_start_module() {
    use crate::assessment::Section as S;
    let mut facts = refugee().de("none").law("sgb2").facts;
    let german = section(
        S::German,
        r#"{"placement_level":"A1","placement_date":"2026-10-02","start_module":3}"#,
    );
    facts.add_assessment([&german], NOW);
    let placement = facts.placement.unwrap();
    assert_eq!(placement.start_module.map(StartModule::get), Some(3));
    assert_eq!(placement.tested_on, Some(date!(2026 - 10 - 02)));
    // The record's own level wins over the test's.
    assert_eq!(facts.german_level, Some(GermanLevel::None));
    let findings = evaluate(&facts, NOW);
    let start = findings
        .iter()
        .find(|f| f.topic == Topic::StartModule)
        .expect("a start module finding");
    assert_eq!(start.detail.as_deref(), Some("3"), "{start:?}");
}

#[test]
fn certificate_b1_in_the_analysis_means_course_goal_reached() {
    use crate::assessment::Section as S;
    let mut facts = refugee().law("sgb2").facts;
    let german = section(
        S::German,
        r#"{"self_assessed":"a2","certificate_level":"B1","certificate_date":"2025-06-30"}"#,
    );
    facts.add_assessment([&german], NOW);
    assert_eq!(facts.certificate, Some(CefrLevel::B1));
    assert_eq!(facts.german_level, Some(GermanLevel::parse("A2").unwrap()));
    assert_eq!(evaluate(&facts, NOW)[0].outcome, Outcome::AlreadyReached);
}

#[test]
fn children_and_employment_from_the_analysis() {
    use crate::assessment::Section as S;
    let mut facts = refugee().facts;
    let adult_children = section(S::Family, r#"{"children":[{"birth_year":2001}]}"#);
    facts.add_assessment([&adult_children], NOW);
    assert_eq!(facts.parent_of_minor, Some(false));
    let toddler = section(
        S::Family,
        r#"{"children":[{"birth_year":2001},{"birth_year":2024,"needs_childcare":true}]}"#,
    );
    let work = section(
        S::Vocational,
        r#"{"current_employment":"Lagerhelfer, 20 h"}"#,
    );
    facts.add_assessment([&toddler, &work], NOW);
    assert_eq!(facts.parent_of_minor, Some(true));
    assert_eq!(facts.employed, Some(true));
}
