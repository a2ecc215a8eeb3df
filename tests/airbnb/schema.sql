-- The AirBnB example of the SqlSynthGen tutorial (Kaggle "Airbnb New User Bookings"), as a test fixture.
CREATE TABLE countries (
    country_destination varchar(10) PRIMARY KEY,
    lat_destination double precision,
    lng_destination double precision,
    distance_km double precision,
    destination_km2 double precision,
    destination_language varchar(10),
    language_levenshtein_distance double precision
);
CREATE TABLE age_gender_bkts (
    age_bucket varchar(10) NOT NULL,
    country_destination varchar(10) NOT NULL REFERENCES countries (country_destination),
    gender varchar(10) NOT NULL,
    population_in_thousands double precision,
    year integer,
    PRIMARY KEY (age_bucket, country_destination, gender)
);
CREATE TABLE users (
    id varchar(20) PRIMARY KEY,
    date_account_created date NOT NULL,
    timestamp_first_active timestamp,
    date_first_booking date,
    gender varchar(20),
    age double precision,
    signup_method varchar(20),
    signup_flow integer,
    language varchar(10),
    affiliate_channel varchar(20),
    affiliate_provider varchar(30),
    first_affiliate_tracked varchar(20),
    signup_app varchar(10),
    first_device_type varchar(30),
    first_browser varchar(30),
    country_destination varchar(10) REFERENCES countries (country_destination)
);
CREATE TABLE sessions (
    id serial PRIMARY KEY,
    user_id varchar(20) NOT NULL REFERENCES users (id),
    action varchar(50),
    action_type varchar(50),
    action_detail varchar(50),
    device_type varchar(30),
    secs_elapsed double precision
);
INSERT INTO countries VALUES
 ('AU', -26.853388, 133.27516, 15297.744, 7741220, 'eng', 0),
 ('CA', 62.393303, -96.818146, 2828.1333, 9984670, 'eng', 0),
 ('DE', 51.165707, 10.452764, 7879.568, 357022, 'deu', 72.61),
 ('ES', 39.896027, -2.487694, 7730.724, 505370, 'spa', 92.25),
 ('FR', 46.232193, 2.209667, 7682.945, 643801, 'fra', 92.06),
 ('GB', 54.63322, -3.432277, 6883.659, 243610, 'eng', 0),
 ('IT', 41.87399, 12.564167, 8636.631, 301340, 'ita', 89.4),
 ('NL', 52.133057, 5.29525, 7524.3203, 41543, 'nld', 63.22),
 ('PT', 39.553444, -7.839319, 7355.2534, 92090, 'por', 95.45),
 ('US', 36.966427, -95.84403, 0, 9826675, 'eng', 0);
-- a little source data, for make-stats and make-vocab
INSERT INTO users (id, date_account_created, gender, age, first_device_type, country_destination)
SELECT 'u' || g, DATE '2012-01-01' + (g % 900), CASE WHEN g % 3 = 0 THEN 'FEMALE' ELSE 'MALE' END,
       20 + (g * 37 % 50), CASE WHEN g % 4 = 0 THEN 'iPhone' ELSE 'Mac Desktop' END,
       (ARRAY['US','FR','GB','DE'])[1 + g % 4]
FROM generate_series(1, 400) g;
