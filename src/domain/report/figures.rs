//! The figures the app knows from a year's data: event points and participants, the
//! festival, gift visits, commendations and the planning checklist. A pure function of the
//! year's plan, household list, visits, decisions and recipients.

use std::collections::HashMap;

use crate::domain::gifts::{GiftSummary, summarize};
use crate::domain::{
    ActivityKind, Decision, Form, PointKind, Recipient, RecipientKind, Roster, Visit, VisitStatus,
    YearPlan,
};
use crate::text::{compare, fold};

/// What one year's figures are computed from. Borrowed: a year may have 10,000 households.
#[derive(Debug, Clone, Copy)]
pub struct Sources<'a> {
    pub plan: &'a YearPlan,
    pub roster: &'a Roster,
    /// The unit's residential areas (for the gift totals by area).
    pub areas: &'a [String],
    pub visits: &'a [Visit],
    pub decisions: &'a [Decision],
    pub recipients: &'a [Recipient],
}

/// Event points of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PointTally {
    pub points: usize,
    pub expected: u32,
    /// Participants counted after the day (points without a count add nothing).
    pub participants: u32,
}

/// Festival activities of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ActivityTally {
    pub activities: usize,
    pub teams: usize,
    /// Prize money given to teams with results.
    pub prizes: i64,
}

/// Recipients of one issuer and form, by kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commended {
    /// The awarding authority: "Chủ tịch Ủy ban nhân dân phường Chợ Quán".
    pub issuer: String,
    pub form: Form,
    pub collectives: usize,
    pub individuals: usize,
    pub households: usize,
}

impl Default for Commended {
    fn default() -> Self {
        Commended {
            issuer: String::new(),
            form: Form::Certificate,
            collectives: 0,
            individuals: 0,
            households: 0,
        }
    }
}

impl Commended {
    pub fn total(&self) -> usize {
        self.collectives + self.individuals + self.households
    }

    fn add(&mut self, kind: RecipientKind) {
        match kind {
            RecipientKind::Collective => self.collectives += 1,
            RecipientKind::Individual => self.individuals += 1,
            RecipientKind::Household => self.households += 1,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Figures {
    pub year: i32,
    /// Every point kind that has points, in `PointKind::ALL` order.
    pub points_by_kind: Vec<(PointKind, PointTally)>,
    pub points: PointTally,
    /// Points whose participants were not counted yet.
    pub points_uncounted: usize,
    /// Every activity kind that has activities, in `ActivityKind::ALL` order.
    pub activities_by_kind: Vec<(ActivityKind, ActivityTally)>,
    pub activities: ActivityTally,
    /// Gifts given: visits marked done ("Đã thăm"). Planned visits are not in the report.
    pub gifts: GiftSummary,
    /// Visits still planned (not yet marked done), to remind the secretary.
    pub visits_planned: usize,
    /// By issuer (in order of their first decision), then form.
    pub commended: Vec<Commended>,
    /// Over every issuer and form.
    pub commended_total: Commended,
    /// Planning steps done, and all steps.
    pub checklist_done: usize,
    pub checklist_total: usize,
}

impl Figures {
    /// Recipients of one form over every issuer.
    pub fn commended_with(&self, form: Form) -> usize {
        self.commended
            .iter()
            .filter(|c| c.form == form)
            .map(Commended::total)
            .sum()
    }
}

/// The year's figures.
pub fn compute(src: &Sources<'_>) -> Figures {
    let plan = src.plan;
    let mut figures = Figures {
        year: plan.event.year,
        checklist_done: plan.checklist.iter().filter(|s| s.done).count(),
        checklist_total: plan.checklist.len(),
        points_uncounted: plan.points.iter().filter(|p| p.actual.is_none()).count(),
        ..Figures::default()
    };

    for kind in PointKind::ALL {
        let mut tally = PointTally::default();
        for p in plan.points.iter().filter(|p| p.kind == kind) {
            tally.points += 1;
            tally.expected += p.expected;
            tally.participants += p.actual.unwrap_or(0);
        }
        if tally.points > 0 {
            figures.points.points += tally.points;
            figures.points.expected += tally.expected;
            figures.points.participants += tally.participants;
            figures.points_by_kind.push((kind, tally));
        }
    }

    for kind in ActivityKind::ALL {
        let mut tally = ActivityTally::default();
        for a in plan.activities.iter().filter(|a| a.kind == kind) {
            tally.activities += 1;
            tally.teams += a.teams.len();
            tally.prizes += a.prize_money_awarded();
        }
        if tally.activities > 0 {
            figures.activities.activities += tally.activities;
            figures.activities.teams += tally.teams;
            figures.activities.prizes += tally.prizes;
            figures.activities_by_kind.push((kind, tally));
        }
    }

    let done: Vec<Visit> = src
        .visits
        .iter()
        .filter(|v| v.status == VisitStatus::Done)
        .cloned()
        .collect();
    figures.gifts = summarize(src.roster, src.areas, &done);
    figures.visits_planned = src
        .visits
        .iter()
        .filter(|v| v.status == VisitStatus::Planned)
        .count();

    (figures.commended, figures.commended_total) = commendations(src.decisions, src.recipients);
    figures
}

/// Recipients grouped by awarding authority (spelled alike whatever the case and accents),
/// then by form.
fn commendations(decisions: &[Decision], recipients: &[Recipient]) -> (Vec<Commended>, Commended) {
    let mut ordered: Vec<&Decision> = decisions.iter().collect();
    ordered.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then_with(|| compare(&a.number, &b.number))
    });
    // Issuer key → (position of first appearance, name as first written).
    let mut issuers: HashMap<String, (usize, String)> = HashMap::new();
    let mut issuer_of: HashMap<i64, String> = HashMap::new();
    for d in &ordered {
        let name = d.authority();
        let key = fold(&name);
        let next = issuers.len();
        issuers.entry(key.clone()).or_insert((next, name));
        issuer_of.insert(d.id, key);
    }
    let mut groups: HashMap<(String, Form), Commended> = HashMap::new();
    let mut total = Commended::default();
    for r in recipients {
        let Some(key) = issuer_of.get(&r.decision_id) else {
            continue;
        };
        total.add(r.kind);
        groups
            .entry((key.clone(), r.form))
            .or_insert_with(|| Commended {
                issuer: issuers[key].1.clone(),
                form: r.form,
                ..Commended::default()
            })
            .add(r.kind);
    }
    let mut rows: Vec<((usize, usize), Commended)> = groups
        .into_iter()
        .map(|((key, form), c)| {
            let form_order = Form::ALL.iter().position(|f| *f == form).unwrap_or(0);
            ((issuers[&key].0, form_order), c)
        })
        .collect();
    rows.sort_by_key(|(order, _)| *order);
    (rows.into_iter().map(|(_, c)| c).collect(), total)
}
