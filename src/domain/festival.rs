//! Phần hội: festival activities (sports, folk games, arts) with teams, results and prizes.

use chrono::NaiveTime;

use super::{Invalid, required, tidy};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActivityKind {
    Sport,
    FolkGame,
    Arts,
    Other,
}

impl ActivityKind {
    pub const ALL: [ActivityKind; 4] = [
        ActivityKind::Sport,
        ActivityKind::FolkGame,
        ActivityKind::Arts,
        ActivityKind::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ActivityKind::Sport => "the_thao",
            ActivityKind::FolkGame => "tro_choi_dan_gian",
            ActivityKind::Arts => "van_nghe",
            ActivityKind::Other => "khac",
        }
    }

    pub fn from_code(code: &str) -> Option<ActivityKind> {
        ActivityKind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            ActivityKind::Sport => "Thể thao",
            ActivityKind::FolkGame => "Trò chơi dân gian",
            ActivityKind::Arts => "Văn nghệ",
            ActivityKind::Other => "Khác",
        }
    }
}

impl std::fmt::Display for ActivityKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    pub id: i64,
    pub kind: ActivityKind,
    pub name: String,
    pub venue: String,
    pub start: Option<NaiveTime>,
    pub teams: Vec<Team>,
    /// Prize per rank: the first entry for rank 1, and so on.
    pub prizes: Vec<Prize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Team {
    pub id: i64,
    pub name: String,
    /// Judges' score, for activities scored by points (arts).
    pub score: Option<f64>,
    /// 1 for the winner; `None` until results are in.
    pub rank: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prize {
    pub rank: u32,
    /// "Giải Nhất", "Giải Khuyến khích"...
    pub label: String,
    /// Whole đồng.
    pub amount: i64,
}

impl Activity {
    pub fn new(kind: ActivityKind, name: &str, venue: &str, teams: &[String]) -> Activity {
        Activity {
            id: 0,
            kind,
            name: name.into(),
            venue: venue.into(),
            start: None,
            teams: teams
                .iter()
                .map(|name| Team {
                    id: 0,
                    name: name.clone(),
                    score: None,
                    rank: None,
                })
                .collect(),
            prizes: standard_prizes(),
        }
    }

    pub fn cleaned(&self) -> Activity {
        let mut a = self.clone();
        tidy([&mut a.name, &mut a.venue]);
        for team in &mut a.teams {
            tidy([&mut team.name]);
        }
        for prize in &mut a.prizes {
            tidy([&mut prize.label]);
        }
        a
    }

    pub fn validate(&self) -> Result<(), Invalid> {
        required(&self.name, "Tên hoạt động không được để trống.")?;
        if self.teams.iter().any(|t| t.name.trim().is_empty()) {
            return Err(Invalid(format!(
                "Hoạt động “{}” có một đội chưa có tên.",
                self.name
            )));
        }
        if let Some(prize) = self.prizes.iter().find(|p| p.amount < 0) {
            return Err(Invalid(format!("Giá trị {} không được âm.", prize.label)));
        }
        Ok(())
    }

    /// The prize a team won, if its rank carries one.
    pub fn prize_of(&self, team: &Team) -> Option<&Prize> {
        let rank = team.rank?;
        self.prizes.iter().find(|p| p.rank == rank)
    }

    /// Money awarded to teams with results.
    pub fn prize_money_awarded(&self) -> i64 {
        self.teams
            .iter()
            .filter_map(|t| self.prize_of(t))
            .map(|p| p.amount)
            .sum()
    }

    /// Money set aside for prizes (every prize once).
    pub fn prize_money_planned(&self) -> i64 {
        self.prizes.iter().map(|p| p.amount).sum()
    }

    /// Ranks from scores: the highest score is first; equal scores share a rank.
    pub fn rank_by_scores(&mut self) {
        let scores: Vec<Option<f64>> = self.teams.iter().map(|t| t.score).collect();
        for (team, score) in self.teams.iter_mut().zip(&scores) {
            team.rank = score.map(|mine| {
                1 + scores
                    .iter()
                    .flatten()
                    .filter(|other| **other > mine)
                    .count() as u32
            });
        }
    }

    /// Teams in result order: ranked first by rank, then the rest as listed.
    pub fn standings(&self) -> Vec<&Team> {
        let mut teams: Vec<&Team> = self.teams.iter().collect();
        teams.sort_by_key(|t| t.rank.unwrap_or(u32::MAX));
        teams
    }
}

/// Prizes most committees give: first, second, third.
pub fn standard_prizes() -> Vec<Prize> {
    vec![
        Prize {
            rank: 1,
            label: "Giải Nhất".into(),
            amount: 1_000_000,
        },
        Prize {
            rank: 2,
            label: "Giải Nhì".into(),
            amount: 700_000,
        },
        Prize {
            rank: 3,
            label: "Giải Ba".into(),
            amount: 500_000,
        },
    ]
}

/// "9,5": scores as Vietnamese write decimals.
pub fn score_text(score: f64) -> String {
    let text = format!("{score:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.replace('.', ",")
}

/// Reads "9,5", "9.5", "10".
pub fn parse_score(s: &str) -> Option<f64> {
    let s = s.trim().replace(',', ".");
    let value: f64 = s.parse().ok()?;
    (value.is_finite() && value >= 0.0).then_some(value)
}

/// Prize money over all activities: (awarded, planned).
pub fn prize_totals(activities: &[Activity]) -> (i64, i64) {
    activities.iter().fold((0, 0), |(awarded, planned), a| {
        (
            awarded + a.prize_money_awarded(),
            planned + a.prize_money_planned(),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tug_of_war() -> Activity {
        let teams: Vec<String> = (1..=5).map(|i| format!("Khu phố {i}")).collect();
        Activity::new(ActivityKind::Sport, "Kéo co", "Sân UBND phường", &teams)
    }

    #[test]
    fn one_team_per_area_and_the_usual_prizes() {
        let activity = tug_of_war();
        assert_eq!(activity.teams.len(), 5);
        assert_eq!(activity.prize_money_planned(), 2_200_000);
        assert_eq!(activity.prize_money_awarded(), 0);
    }

    #[test]
    fn prizes_follow_the_ranks() {
        let mut activity = tug_of_war();
        activity.teams[2].rank = Some(1);
        activity.teams[0].rank = Some(2);
        activity.teams[4].rank = Some(3);
        activity.teams[1].rank = Some(4);
        assert_eq!(activity.prize_money_awarded(), 2_200_000);
        assert_eq!(
            activity.prize_of(&activity.teams[2]).unwrap().label,
            "Giải Nhất"
        );
        assert_eq!(activity.prize_of(&activity.teams[1]), None);
        let order: Vec<&str> = activity
            .standings()
            .iter()
            .map(|t| t.name.as_str())
            .collect();
        assert_eq!(
            order,
            [
                "Khu phố 3",
                "Khu phố 1",
                "Khu phố 5",
                "Khu phố 2",
                "Khu phố 4"
            ]
        );
    }

    #[test]
    fn scores_give_ranks_and_ties_share_them() {
        let mut activity = tug_of_war();
        let scores = [Some(9.0), Some(9.5), Some(8.5), Some(9.0), None];
        for (team, score) in activity.teams.iter_mut().zip(scores) {
            team.score = score;
        }
        activity.rank_by_scores();
        let ranks: Vec<Option<u32>> = activity.teams.iter().map(|t| t.rank).collect();
        assert_eq!(ranks, [Some(2), Some(1), Some(4), Some(2), None]);
        assert_eq!(activity.prize_money_awarded(), 1_000_000 + 700_000 * 2);
    }

    #[test]
    fn scores_read_and_write_with_a_comma() {
        assert_eq!(parse_score("9,5"), Some(9.5));
        assert_eq!(parse_score(" 10 "), Some(10.0));
        assert_eq!(parse_score("mười"), None);
        assert_eq!(parse_score("-1"), None);
        assert_eq!(score_text(9.5), "9,5");
        assert_eq!(score_text(10.0), "10");
        assert_eq!(score_text(8.25), "8,25");
    }

    #[test]
    fn totals_over_activities() {
        let mut a = tug_of_war();
        a.teams[0].rank = Some(1);
        let b = tug_of_war();
        assert_eq!(prize_totals(&[a, b]), (1_000_000, 4_400_000));
    }
}
