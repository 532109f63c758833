DROP TABLE case_number_counters;
DROP TABLE person_changes;
DROP TABLE person_search_keys;
DROP TABLE person_names;
DROP TABLE persons;
