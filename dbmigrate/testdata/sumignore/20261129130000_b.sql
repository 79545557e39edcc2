-- atlas:sum ignore
CREATE TABLE b (id int);
