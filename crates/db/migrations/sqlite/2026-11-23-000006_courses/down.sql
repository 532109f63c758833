DROP TABLE placements;
DROP TABLE allocation_runs;
DROP TABLE course_needs;
DROP TABLE courses;
