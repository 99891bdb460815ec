use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// One of the five sub-goals ("delmål") of the national digitalisation strategy (2017).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SubGoal {
    Kompetens,
    Trygghet,
    Innovation,
    Ledning,
    Infrastruktur,
}

impl SubGoal {
    /// In the order the strategy lists them; reports and charts use this order.
    pub const ALL: [SubGoal; 5] =
        [SubGoal::Kompetens, SubGoal::Trygghet, SubGoal::Innovation, SubGoal::Ledning, SubGoal::Infrastruktur];

    /// The short id used in files (`kompetens`, …).
    pub fn id(self) -> &'static str {
        match self {
            SubGoal::Kompetens => "kompetens",
            SubGoal::Trygghet => "trygghet",
            SubGoal::Innovation => "innovation",
            SubGoal::Ledning => "ledning",
            SubGoal::Infrastruktur => "infrastruktur",
        }
    }

    /// The display name used by the strategy itself, the same in both languages.
    pub fn display(self) -> &'static str {
        match self {
            SubGoal::Kompetens => "D-kompetens",
            SubGoal::Trygghet => "D-trygghet",
            SubGoal::Innovation => "D-innovation",
            SubGoal::Ledning => "D-ledning",
            SubGoal::Infrastruktur => "D-infrastruktur",
        }
    }

    /// The goal sentence, verbatim from the strategy (see data/national-strategy.md in the shared notes).
    pub fn goal_sentence(self) -> &'static str {
        match self {
            SubGoal::Kompetens => "I Sverige ska alla kunna utveckla och använda sin digitala kompetens.",
            SubGoal::Trygghet => {
                "I Sverige ska det finnas de bästa förutsättningarna för alla att på ett säkert sätt ta del av, ta ansvar för samt ha tillit till det digitala samhället."
            }
            SubGoal::Innovation => {
                "I Sverige ska det finnas de bästa förutsättningarna för att digitalt drivna innovationer ska utvecklas, spridas och användas."
            }
            SubGoal::Ledning => {
                "I Sverige ska relevant, målmedveten och rättssäker effektivisering och kvalitetsutveckling ske genom digitalisering."
            }
            SubGoal::Infrastruktur => {
                "Hela Sverige bör ha tillgång till infrastruktur som medger snabbt bredband, stabila mobila tjänster och som stöder digitalisering."
            }
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for SubGoal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for SubGoal {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        SubGoal::ALL.into_iter().find(|g| g.id() == s).ok_or(())
    }
}
