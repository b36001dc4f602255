DROP TABLE statistical_reports;
