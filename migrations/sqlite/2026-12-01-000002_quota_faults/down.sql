DROP TABLE quota_year_faults;
