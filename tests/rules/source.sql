CREATE TABLE store (store_id serial PRIMARY KEY, manager_id int, opened date NOT NULL);
CREATE TABLE staff (staff_id serial PRIMARY KEY, store_id int NOT NULL REFERENCES store, hired timestamp NOT NULL);
ALTER TABLE store ADD CONSTRAINT store_manager_fkey FOREIGN KEY (manager_id) REFERENCES staff (staff_id);
CREATE UNIQUE INDEX store_manager_key ON store (manager_id);
CREATE TABLE team (team_id serial PRIMARY KEY, lead_id int);
CREATE TABLE member (member_id serial PRIMARY KEY, team_id int NOT NULL REFERENCES team);
ALTER TABLE team ADD CONSTRAINT team_lead_fkey FOREIGN KEY (lead_id) REFERENCES member (member_id);
CREATE TABLE customer (customer_id serial PRIMARY KEY, store_id int NOT NULL REFERENCES store,
  signed_up timestamp NOT NULL, created date NOT NULL, updated timestamp NOT NULL,
  first_seen timestamp, last_seen timestamp, low int, high int, small int, big int);
CREATE TABLE orders (order_id serial PRIMARY KEY, customer_id int NOT NULL REFERENCES customer,
  placed timestamp NOT NULL, shipped timestamp);
CREATE TABLE payment (payment_id serial PRIMARY KEY, order_id int NOT NULL REFERENCES orders,
  customer_id int NOT NULL REFERENCES customer, paid timestamp NOT NULL);
CREATE TABLE review (review_id serial PRIMARY KEY, order_id int NOT NULL REFERENCES orders,
  customer_id int NOT NULL REFERENCES customer, written timestamp NOT NULL);

INSERT INTO store (store_id, opened) SELECT i, date '2020-01-01' + i FROM generate_series(1, 10) i;
INSERT INTO staff SELECT i, (i - 1) % 10 + 1, timestamp '2020-02-01' + i * interval '5 hours' FROM generate_series(1, 30) i;
UPDATE store SET manager_id = store_id;
INSERT INTO team (team_id) SELECT i FROM generate_series(1, 100) i;
INSERT INTO member SELECT i, (i - 1) % 100 + 1 FROM generate_series(1, 300) i;
UPDATE team SET lead_id = CASE WHEN team_id <= 2 THEN 3 ELSE team_id END;  -- 98 of 100 leads are in their team
INSERT INTO customer SELECT i, (i - 1) % 10 + 1,
  timestamp '2021-01-01' + i * interval '7 hours',
  date '2021-01-01' + i % 200, (date '2021-01-01' + i % 200) + (i % 50) * interval '1 hour',
  timestamp '2021-03-01' + i * interval '13 minutes',
  timestamp '2021-03-01' + i * interval '13 minutes' + CASE WHEN i % 50 = 0 THEN interval '-1 hour' ELSE interval '1 hour' END,
  i % 100, i % 100 + i % 7, i % 10 - 20, 200 + i % 10
FROM generate_series(1, 500) i;
INSERT INTO orders SELECT i, c.customer_id, c.signed_up + (i % 30) * interval '1 day' + interval '1 hour',
  c.signed_up + (i % 30) * interval '1 day' + interval '1 hour'
    + CASE WHEN i % 200 = 0 THEN interval '-1 day' ELSE (i % 5) * interval '1 day' END
FROM generate_series(1, 2000) i JOIN customer c ON c.customer_id = (i * 7) % 500 + 1;
INSERT INTO payment SELECT o.order_id, o.order_id, o.customer_id, o.placed + (o.order_id % 3) * interval '1 day' + interval '2 hours'
FROM orders o;
INSERT INTO review SELECT o.order_id, o.order_id,
  CASE WHEN o.order_id % 50 = 0 THEN o.customer_id % 500 + 1 ELSE o.customer_id END,
  o.placed + CASE WHEN o.order_id % 50 = 1 THEN interval '-1 day' ELSE interval '1 day' END
FROM orders o WHERE o.order_id <= 1000;
SELECT setval(pg_get_serial_sequence(t, c), 10000) FROM (VALUES ('store', 'store_id'), ('staff', 'staff_id'), ('team', 'team_id'), ('member', 'member_id'), ('customer', 'customer_id'), ('orders', 'order_id'), ('payment', 'payment_id'), ('review', 'review_id')) v(t, c);
