//! Plain domain types of the allocation request. Dates are days since 1970-01-01 (`i32`), so the
//! crate needs no date library; coordinates are km on a local grid (e.g. UTM / 1000).

use super::weights::Weights;

/// Course type as recommended by the BAMF placement test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CourseType {
    /// Integrationskurs (general integration course).
    Integration,
    /// Alphabetisierungskurs (literacy course).
    Literacy,
    /// Berufssprachkurs (job-related German; basic and special courses, told apart by level).
    JobRelated,
    /// Zweitschriftlernerkurs (integration course for learners of a second script).
    SecondScript,
    /// Intensivkurs (integration course in 400 UE).
    Intensive,
    /// Berufssprachkurs for professions in recognition procedures.
    Recognition,
    /// Job-Berufssprachkurs at the workplace.
    JobBsk,
}

/// CEFR level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// Beginner.
    A1,
    /// Elementary.
    A2,
    /// Intermediate.
    B1,
    /// Upper intermediate.
    B2,
    /// Advanced.
    C1,
}

/// A point on a local km grid.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// Easting in km.
    pub x_km: f64,
    /// Northing in km.
    pub y_km: f64,
}

impl Point {
    /// Road distance estimate: straight line × 1.3 (the usual detour factor for rural roads)
    /// until real travel times are wired in.
    pub fn road_km(self, other: Point) -> f64 {
        (self.x_km - other.x_km).hypot(self.y_km - other.y_km) * 1.3
    }
}

/// Times of day as a small bit set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Slots(u8);

impl Slots {
    /// Mornings.
    pub const MORNING: Slots = Slots(1);
    /// Afternoons.
    pub const AFTERNOON: Slots = Slots(2);
    /// Evenings.
    pub const EVENING: Slots = Slots(4);
    /// Any time.
    pub const ANY: Slots = Slots(7);

    /// Union of two sets.
    pub fn with(self, other: Slots) -> Slots {
        Slots(self.0 | other.0)
    }

    /// Whether every slot of `course` is in `self`.
    pub fn covers(self, course: Slots) -> bool {
        course.0 & !self.0 == 0
    }
}

/// Priority facts of a participant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Priority {
    /// Obliged to attend by an authority (Verpflichtung, §44a AufenthG).
    pub obligation: bool,
    /// Referred by the job centre.
    pub job_centre_referral: bool,
    /// Day since which the person has been waiting for a course.
    pub waiting_since: i32,
}

/// A person waiting for a course seat.
#[derive(Debug, Clone, PartialEq)]
pub struct DomainParticipant {
    /// Current CEFR level (the course must include it in its range).
    pub level: Level,
    /// Course type from the placement test.
    pub recommended_type: CourseType,
    /// Earliest acceptable start day.
    pub earliest_start: i32,
    /// Latest acceptable start day.
    pub latest_start: i32,
    /// Home location.
    pub home: Point,
    /// Maximum road km to the course.
    pub max_travel_km: u32,
    /// When the person can attend.
    pub available: Slots,
    /// Needs childcare on site.
    pub needs_childcare: bool,
    /// Priority facts.
    pub priority: Priority,
}

/// A course with free seats.
#[derive(Debug, Clone, PartialEq)]
pub struct DomainCourse {
    /// Course type.
    pub course_type: CourseType,
    /// Lowest level the course admits (its entry level).
    pub level_min: Level,
    /// Highest level the course admits.
    pub level_max: Level,
    /// Start day.
    pub start: i32,
    /// Site of the course.
    pub location: Point,
    /// When it runs.
    pub slots: Slots,
    /// Childcare on site.
    pub childcare: bool,
    /// Capacity minus seats already taken.
    pub free_seats: u32,
}

/// Everything one allocation run needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    /// Waiting participants.
    pub participants: Vec<DomainParticipant>,
    /// Courses with their free seats.
    pub courses: Vec<DomainCourse>,
    /// (participant, course) placements fixed by a counsellor.
    pub pinned: Vec<(usize, usize)>,
    /// (participant, course) pairs that must not be used.
    pub excluded: Vec<(usize, usize)>,
    /// Day of the run (for waiting weeks).
    pub today: i32,
    /// Cost weights.
    pub weights: Weights,
}

/// The hard filter a (participant, course) pair failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Filter {
    /// Excluded by a counsellor.
    Excluded,
    /// Wrong course type.
    CourseType,
    /// Level outside the course's range.
    Level,
    /// Starts outside the participant's window.
    StartWindow,
    /// Beyond the participant's travel limit.
    Distance,
    /// Runs at a time the participant is not available.
    Schedule,
    /// No childcare on site.
    Childcare,
}
