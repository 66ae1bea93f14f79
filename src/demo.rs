//! The demo live page an empty store starts with: a fictional storm, written for this
//! project, using every part of an entry so a new user sees what a live page can do.

use chrono::{Duration, Utc};

use crate::domain::{BlogInput, BlogSettings, EntryContent, EntryInput};
use crate::newsroom::{Newsroom, NewsroomError};

/// The demo page's address: `/live/storm-maren`.
pub const DEMO_SLUG: &str = "storm-maren";

/// Who the demo entries are recorded as written by.
const DEMO_AUTHOR: &str = "liveblog demo";

/// One demo entry: minutes before start, and its fields as an editor would type them.
struct DemoEntry {
    minutes_ago: i64,
    input: EntryInput,
}

fn entry(minutes_ago: i64, title: &str, body: &str) -> DemoEntry {
    DemoEntry {
        minutes_ago,
        input: EntryInput {
            title: title.into(),
            body: body.into(),
            ..EntryInput::default()
        },
    }
}

impl DemoEntry {
    fn label(mut self, label: &str) -> Self {
        self.input.label = label.into();
        self
    }

    fn by(mut self, name: &str, role: &str) -> Self {
        self.input.author_name = name.into();
        self.input.author_role = role.into();
        self
    }

    fn image(mut self, url: &str, alt: &str, caption: &str, credit: &str) -> Self {
        self.input.image_url = url.into();
        self.input.image_alt = alt.into();
        self.input.image_caption = caption.into();
        self.input.image_credit = credit.into();
        self
    }

    fn key_event(mut self) -> Self {
        self.input.key_event = true;
        self
    }

    fn pinned(mut self) -> Self {
        self.input.pinned = true;
        self
    }
}

fn demo_page() -> BlogInput {
    BlogInput {
        title: "Storm Maren: red warning as gales and flooding hit the Calder coast".into(),
        slug: DEMO_SLUG.into(),
        description: "Live coverage of Storm Maren as it reaches the Calder coast. \
                      Storm Maren and every place and person on this page are fictional."
            .into(),
        summary: "A red wind warning covers the Calder coast until 06:00 tomorrow\n\
                  Gusts of 90mph have been recorded at Aldmouth lighthouse\n\
                  About 12,000 homes around Harwick are without power\n\
                  Trains between Harwick and Aldmouth are suspended; schools close tomorrow\n\
                  Stay away from sea fronts and do not drive through flood water"
            .into(),
        time_zone: "Europe/London".into(),
        reading_order: "newest".into(),
        embed_origins: String::new(),
        language: "en-GB".into(),
    }
}

fn demo_entries() -> Vec<DemoEntry> {
    vec![
        entry(185, "Amber warning issued as Storm Maren approaches",
            "The national weather service has issued an amber wind warning for the whole Calder coast from 15:00 today.\n\n\
             Forecasters expect gusts of 60-70mph inland and up to 85mph on exposed headlands.\n\n\
             > [!NOTE]\n\
             > Storm Maren is the fourth named storm of the season. Storms are named when they are expected to cause \"medium\" or \"high\" impacts.")
            .label("breaking").key_event(),
        entry(170, "What we know so far",
            "Here is where things stand this afternoon:\n\n\
             - Storm Maren is moving north-east at about 40mph\n\
             - The strongest winds are expected between 20:00 and 03:00\n\
             - High tide at Harwick is at 21:12, when the risk of flooding is greatest\n\
             - Ferries to the Skerrin islands have been cancelled for the rest of the day")
            .label("explainer").by("Tomás Heller", "Live reporter"),
        entry(152, "Harbour wall overtopped at Harwick",
            "Waves have been breaking over the harbour wall at Harwick for the past half an hour, sending spray across the promenade.\n\n\
             Police have closed Marine Parade to traffic and pedestrians.")
            .by("Tomás Heller", "Live reporter")
            .image("/static/demo-harbour.svg",
                "Waves breaking over a stone harbour wall under a dark sky, with a lighthouse on the right",
                "Spray over the harbour wall at Harwick this afternoon",
                "Liveblog demo illustration"),
        entry(139, "Coastguard: 'Do not go near the water to take pictures'",
            "The regional coastguard has repeated its plea for people to stay away from the sea front.\n\n\
             > \"We understand the draw of big waves, but a single wave can knock you off your feet and into the water. \
             Please watch from a safe distance, or better still from home,\" says duty controller Mairi Lennox.")
            .by("Ines Castellano", "Reporting from Harwick"),
        entry(121, "Trains suspended between Harwick and Aldmouth",
            "Coastline Rail says no trains will run between Harwick and Aldmouth until at least midday tomorrow, after a tree fell across the line near Penmore.\n\n\
             Replacement buses are not running because of the wind.")
            .key_event(),
        entry(104, "Why this storm is hitting harder than forecast",
            "Forecasters had expected Maren to weaken before landfall. Instead it has deepened, its central pressure falling by 24 millibars in 24 hours.\n\n\
             That is the definition of what meteorologists call *explosive cyclogenesis*, and it is why the wind has picked up so quickly this afternoon.\n\n\
             The timing matters too: the strongest winds will coincide with a spring tide tonight, which is why flood defences are under such pressure.")
            .label("analysis").by("Priya Nandakumar", "Environment correspondent"),
        entry(88, "Schools across the Calder coast to close tomorrow",
            "The Calder Council says all 143 of its schools will be closed tomorrow.\n\n\
             Parents are asked to check the council's website in the morning for updates on Thursday.")
            .key_event(),
        entry(71, "Power cut to about 12,000 homes around Harwick",
            "The regional network operator says about 12,000 homes have lost power, mostly in Harwick and the villages to its north.\n\n\
             Engineers cannot safely work on overhead lines until the wind drops.\n\n\
             > [!NOTE]\n\
             > The operator's emergency number is printed on your electricity bill. Report fallen lines, and never touch them.")
            .key_event(),
        entry(57, "No, that video of a flooded runway is not from today",
            "A video of water across an airport runway is being widely shared as footage of Aldmouth airport this afternoon.\n\n\
             It was in fact filmed during a storm in 2019: the same clip appeared in a news report at the time, and the aircraft livery in it has since been retired.\n\n\
             Aldmouth airport says it is open, although several flights have been cancelled.")
            .label("fact-check").by("Dev Anand", "Verification reporter"),
        entry(41, "Evacuation centre opens at Harwick leisure centre",
            "The council has opened an evacuation centre at Harwick leisure centre for people in the 140 homes on the sea front.\n\n\
             Camp beds, hot food and phone charging are available. Pets are welcome.")
            .by("Ines Castellano", "Reporting from Harwick"),
        entry(26, "Watch: the storm from the lighthouse",
            "Cameras at Aldmouth lighthouse have recorded a gust of 90mph, the strongest of the day so far.\n\n\
             The keeper's log notes **\"waves over the lantern gallery\"** for the first time since 1987.")
            .label("watch"),
        entry(200, "How to stay safe during Storm Maren",
            "If you live in the warning area:\n\n\
             - Stay indoors if you can, away from windows\n\
             - Do not drive through flood water: 30cm of moving water can float a car\n\
             - Charge your phone and keep a torch to hand\n\
             - Check on neighbours who may need help\n\n\
             This page will be updated through the night.")
            .pinned(),
        entry(4, "Red warning issued: 'danger to life' from flying debris",
            "The weather service has raised its warning for the Calder coast to red, the highest level, from 19:00 until 06:00 tomorrow.\n\n\
             A red warning means there is a danger to life and widespread damage is likely.\n\n\
             > \"People should act now to keep themselves safe,\" the service's chief forecaster says.")
            .label("breaking").key_event().by("Priya Nandakumar", "Environment correspondent"),
    ]
}

/// Writes the demo page through the newsroom, as an editor would.
pub async fn write_demo_page(newsroom: &Newsroom) -> Result<(), NewsroomError> {
    let draft = BlogSettings::parse(&demo_page()).map_err(NewsroomError::Invalid)?;
    newsroom.create_blog(draft).await?;
    let now = Utc::now();
    let mut entries = demo_entries();
    entries.sort_by_key(|e| std::cmp::Reverse(e.minutes_ago));
    for demo in entries {
        let draft = EntryContent::parse(&demo.input).map_err(NewsroomError::Invalid)?;
        newsroom
            .publish_at(
                DEMO_SLUG,
                draft,
                now - Duration::minutes(demo.minutes_ago),
                DEMO_AUTHOR,
            )
            .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_entry_is_valid() {
        assert!(BlogSettings::parse(&demo_page()).is_ok());
        let entries = demo_entries();
        assert!(entries.len() >= 12);
        for demo in &entries {
            EntryContent::parse(&demo.input).unwrap();
        }
    }
}
