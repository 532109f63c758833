DROP TABLE assessment_sections;
DROP TABLE assessments;
