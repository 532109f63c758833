DROP TABLE follow_ups;
DROP TABLE plan_steps;
DROP TABLE plan_goals;
