-- A profile's name is looked up in any case ("ana ruiz" names "Ana Ruiz"): two profiles
-- may not differ in case alone.
CREATE UNIQUE INDEX profiles_name_any_case ON profiles (lower(name));
