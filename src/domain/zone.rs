//! Time zones by the names editors type: `Europe/London` as the IANA database has it,
//! in any case, or the city alone (`London`, `new york`).

use chrono_tz::{TZ_VARIANTS, Tz};

/// The regions of the zones offered as suggestions: one zone per city, without the
/// database's old aliases (`US/Eastern`, `GB`, `Etc/GMT+5`).
const REGIONS: [&str; 9] = [
    "Africa",
    "America",
    "Antarctica",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
];

/// The zone `name` means: an IANA name in any case, or a city's name alone as the
/// database spells it with spaces for underscores. Where two zones have the city (an
/// old alias and the current name), the shorter name is taken.
pub fn zone_named(name: &str) -> Option<Tz> {
    let name = name.trim();
    if let Ok(zone) = name.parse::<Tz>() {
        return Some(zone);
    }
    if let Some(zone) = TZ_VARIANTS
        .iter()
        .find(|zone| zone.name().eq_ignore_ascii_case(name))
    {
        return Some(*zone);
    }
    let city = name.replace(' ', "_");
    TZ_VARIANTS
        .iter()
        .filter(|zone| {
            let (_, last) = zone.name().rsplit_once('/').unwrap_or(("", zone.name()));
            last.eq_ignore_ascii_case(&city)
        })
        .min_by_key(|zone| zone.name().len())
        .copied()
}

/// The zones suggested as an editor types, in the database's order: `UTC` and every
/// city's zone.
pub fn suggested_zones() -> impl Iterator<Item = &'static str> {
    std::iter::once("UTC").chain(TZ_VARIANTS.iter().map(|zone| zone.name()).filter(|name| {
        name.split_once('/')
            .is_some_and(|(region, _)| REGIONS.contains(&region))
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_city_alone_names_its_zone() {
        assert_eq!(zone_named("London"), Some(Tz::Europe__London));
        assert_eq!(zone_named("new york"), Some(Tz::America__New_York));
        assert_eq!(zone_named(" Kolkata "), Some(Tz::Asia__Kolkata));
        assert_eq!(zone_named("buenos aires"), Some(Tz::America__Buenos_Aires));
    }

    #[test]
    fn a_zone_name_is_taken_in_any_case() {
        assert_eq!(zone_named("europe/paris"), Some(Tz::Europe__Paris));
        assert_eq!(zone_named("UTC"), Some(Tz::UTC));
        assert_eq!(
            zone_named("America/Argentina/Buenos_Aires"),
            Some(Tz::America__Argentina__Buenos_Aires)
        );
    }

    #[test]
    fn what_names_no_zone_is_none() {
        for name in ["Atlantis", "Mars/Olympus_Mons", "", "Europe/"] {
            assert_eq!(zone_named(name), None, "{name}");
        }
    }

    #[test]
    fn the_suggestions_are_cities_without_aliases() {
        let zones: Vec<_> = suggested_zones().collect();
        assert!(zones.contains(&"Europe/London") && zones.contains(&"Asia/Kolkata"));
        assert!(!zones.contains(&"GB") && !zones.contains(&"US/Eastern"));
        assert!(zones.iter().all(|zone| zone_named(zone).is_some()));
        assert!(zones.len() > 300, "{}", zones.len());
    }
}
