// buildReport: the rapporteur's report from a session, in the seed report's order (PRODUCT.md §6).
#include "core/Report.hpp"

#include "core/Agenda.hpp"
#include "core/Consensus.hpp"
#include "core/Rounds.hpp"
#include "core/Text.hpp"
#include "core/Time.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace plenary::core {

namespace {

// Every text goes through here once, so no renderer meets a control character or a broken byte.
std::string clean(std::string_view text) {
    return forDocument(text);
}

std::string cleanLine(std::string_view text) {
    return trim(forDocument(text));
}

const char* roleLabel(Role role) {
    switch (role) {
    case Role::Facilitator: return "Facilitator";
    case Role::Expert: return "Expert";
    case Role::Rapporteur: return "Rapporteur";
    case Role::Participant: break;
    }
    return "Participant";
}

class Builder {
public:
    explicit Builder(const SessionData& data) : m_data(data) {
        for (const auto& d : data.dilemmas)
            if (d.presenter != 0) m_presenters.insert(d.presenter);
        // Indexed once: a report of 1,000 dilemmas must not scan 20,000 questions for each.
        for (const auto& q : data.questions)
            m_questions[q.dilemma].push_back(&q);
        for (const auto& p : data.practices)
            m_practices[p.dilemma].push_back(&p);
        for (const auto& e : data.phaseLog)
            if (!e.endedAt.empty()) m_phaseLog[e.dilemma].push_back(&e);
        for (const auto& p : data.people)
            m_people[p.id] = &p;
        for (const auto& r : data.rings)
            m_ringNames[r.id] = cleanLine(ringName(r));
    }

    Report build() {
        const auto& w = m_data.workshop;
        m_report.format = w.format;
        m_report.title = cleanLine(w.title);
        m_report.dates = cleanLine(w.date);
        if (const auto end = cleanLine(w.endDate); !end.empty())
            m_report.dates += (m_report.dates.empty() ? "" : " – ") + end;
        m_report.venue = cleanLine(w.venue);
        m_report.description = clean(w.description);
        for (auto line : roleHeader(m_data)) {
            for (auto& name : line.names)
                name = cleanLine(name);
            m_report.header.push_back(std::move(line));
        }
        for (const auto& p : m_data.people)
            m_report.people.push_back(person(p.id));
        if (w.format == Format::UrbanAcademy)
            urbanAcademy();
        else
            socialOlympics();
        return std::move(m_report);
    }

private:
    template <class T>
    static std::vector<const T*> listOf(const std::unordered_map<Id, std::vector<const T*>>& index, Id key) {
        const auto it = index.find(key);
        return it == index.end() ? std::vector<const T*>{} : it->second;
    }

    const Person* findPerson(Id id) const {
        const auto it = m_people.find(id);
        return it == m_people.end() ? nullptr : it->second;
    }

    ReportPerson person(Id id) const {
        ReportPerson out;
        const Person* p = findPerson(id);
        if (!p) return out;
        out.id = p->id;
        out.name = cleanLine(p->name);
        // A participant who presents a dilemma is its presenter: that is how the report (and an
        // anonymised one) should name them.
        out.role = p->role == Role::Participant && m_presenters.count(p->id) ? "Presenter" : roleLabel(p->role);
        out.organisation = cleanLine(p->organisation);
        out.city = cleanLine(p->city);
        out.country = cleanLine(p->country);
        if (const auto it = m_ringNames.find(p->ring); it != m_ringNames.end()) out.ring = it->second;
        return out;
    }

    std::string nameOf(Id id) const {
        const Person* p = findPerson(id);
        return p ? cleanLine(p->name) : std::string();
    }

    ReportContribution contribution(const Contribution& c) const {
        ReportContribution out;
        out.heading = c.kind == ContributionKind::Introduction ? "Introduction" : "Wrap-up";
        out.by = nameOf(c.person);
        out.title = cleanLine(c.title);
        out.text = clean(c.text);
        return out;
    }

    std::vector<ReportContribution> contributions(ContributionKind kind, Id session) const {
        std::vector<const Contribution*> list;
        for (const auto& c : m_data.contributions)
            if (c.kind == kind && c.session == session) list.push_back(&c);
        std::stable_sort(list.begin(), list.end(),
                         [](const Contribution* a, const Contribution* b) { return a->position < b->position; });
        std::vector<ReportContribution> out;
        for (const auto* c : list)
            out.push_back(contribution(*c));
        return out;
    }

    ReportDilemma dilemma(const Dilemma& x, const std::string& sessionTitle) {
        ReportDilemma out;
        out.id = x.id;
        out.number = ++m_number;
        out.question = cleanLine(questionText(x));
        out.session = sessionTitle;
        out.status = std::string(statusKey(x.status));
        out.presenter = person(x.presenter);
        out.information = clean(x.information);
        out.result = clean(x.result);
        std::vector<const Question*> questions = listOf(m_questions, x.id);
        std::stable_sort(questions.begin(), questions.end(), [](const Question* a, const Question* b) {
            return a->position != b->position ? a->position < b->position : a->id < b->id;
        });
        for (const auto* q : questions)
            out.questions.push_back({clean(q->text), q->open, nameOf(q->asker)});
        std::vector<const Practice*> practices = listOf(m_practices, x.id);
        std::stable_sort(practices.begin(), practices.end(), [](const Practice* a, const Practice* b) {
            return a->position != b->position ? a->position < b->position : a->id < b->id;
        });
        for (const auto* p : practices) {
            ReportPractice r;
            r.title = cleanLine(p->title);
            r.city = cleanLine(p->city);
            r.country = cleanLine(p->country);
            r.origin = originLine(r.city, r.country);
            r.description = clean(p->description);
            r.link = cleanLine(p->link);
            r.webLink = isWebAddress(r.link);
            r.suggestedBy = nameOf(p->suggestedBy);
            r.criteria[0] = p->innovative;
            r.criteria[1] = p->makesDifference;
            r.criteria[2] = p->sustainable;
            r.criteria[3] = p->replicable;
            out.practices.push_back(std::move(r));
        }
        return out;
    }

    void urbanAcademy() {
        m_report.introduction = contributions(ContributionKind::Introduction, 0);
        std::set<Id> known;
        for (const auto* s : sessionsInOrder(m_data)) {
            known.insert(s->id);
            ReportSection section;
            section.title = cleanLine(s->title);
            section.introductions = contributions(ContributionKind::Introduction, s->id);
            for (const auto& members : reportBlocks(m_data, s->id)) {
                ReportBlock block;
                block.joint = members.size() > 1;
                for (const auto* member : members) {
                    block.dilemmas.push_back(dilemma(*member, section.title));
                    if (const auto& r = block.dilemmas.back().result; !trim(r).empty())
                        block.result += (block.result.empty() ? "" : "\n\n") + r;
                }
                section.blocks.push_back(std::move(block));
            }
            section.wrapUps = contributions(ContributionKind::WrapUp, s->id);
            m_report.sections.push_back(std::move(section));
        }
        // A dilemma whose thematic session the file does not have (a file from elsewhere) is
        // still somebody's words: reported after the sessions, on its own.
        ReportSection orphans;
        orphans.title = "Other dilemmas";
        std::set<Id> placed;
        for (const auto& section : m_report.sections)
            for (const auto& block : section.blocks)
                for (const auto& d : block.dilemmas)
                    placed.insert(d.id);
        std::vector<const Dilemma*> left;
        for (const auto& d : m_data.dilemmas)
            if (!known.count(d.session) && !placed.count(d.id) && d.status != DilemmaStatus::Skipped) left.push_back(&d);
        std::stable_sort(left.begin(), left.end(), [](const Dilemma* a, const Dilemma* b) {
            return a->position != b->position ? a->position < b->position : a->id < b->id;
        });
        for (const auto* d : left) {
            ReportBlock block;
            block.dilemmas.push_back(dilemma(*d, orphans.title));
            block.result = block.dilemmas.back().result;
            orphans.blocks.push_back(std::move(block));
        }
        if (!orphans.blocks.empty()) m_report.sections.push_back(std::move(orphans));
        m_report.wrapUps = contributions(ContributionKind::WrapUp, 0);
        // A contribution for a session the file no longer has is still somebody's words.
        for (const auto& c : m_data.contributions)
            if (c.session != 0 && !known.count(c.session))
                (c.kind == ContributionKind::Introduction ? m_report.introduction : m_report.wrapUps)
                    .push_back(contribution(c));
        annex();
    }

    void annex() {
        std::vector<const Phase*> phases;
        for (const auto& p : m_data.phases)
            if (!roundNumber(p.key)) phases.push_back(&p);
        std::stable_sort(phases.begin(), phases.end(),
                         [](const Phase* a, const Phase* b) { return a->position < b->position; });
        for (const auto& section : m_report.sections)
            for (const auto& block : section.blocks)
                for (const auto& d : block.dilemmas) {
                    OpenQuestionShare share{d.number, d.id, d.question, 0, 0, 0.0};
                    for (const auto& q : d.questions) {
                        ++share.total;
                        if (q.open) ++share.open;
                    }
                    if (share.total > 0) share.share = static_cast<double>(share.open) / share.total;
                    m_report.openShares.push_back(share);
                    timings(d, phases);
                }
    }

    // The timer's reading when each phase ended: a phase entered again goes on from where it was,
    // so the last reading is the phase's whole time. A phase still running has no reading yet.
    void timings(const ReportDilemma& d, const std::vector<const Phase*>& phases) {
        for (const auto* phase : phases) {
            bool ran = false;
            double seconds = 0;
            int planned = phase->seconds;
            for (const auto* e : listOf(m_phaseLog, d.id)) {
                if (e->phase != phase->key) continue;
                ran = true;
                seconds = std::max(seconds, timerElapsed(*e, e->endedAt));
                if (planned <= 0) planned = e->plannedSeconds;
            }
            if (!ran) continue;
            m_report.timings.push_back({d.number, d.id, d.question, cleanLine(phase->name.empty() ? phase->key : phase->name),
                                        planned, static_cast<int>(std::lround(std::max(0.0, seconds)))});
        }
    }

    void socialOlympics() {
        auto& c = m_report.conference;
        const VoteScale& scale = scaleOf(m_data.workshop);
        c.scale = scale.name;
        c.dots = scale.dots;
        c.threshold = m_data.workshop.threshold;
        std::vector<const Ring*> rings;
        for (const auto& r : m_data.rings)
            rings.push_back(&r);
        std::stable_sort(rings.begin(), rings.end(), [](const Ring* a, const Ring* b) {
            return a->position != b->position ? a->position < b->position : a->id < b->id;
        });
        for (const auto* r : rings) {
            ReportRing ring{r->id, m_ringNames[r->id], r->colour, {}, 0};
            for (const auto& p : m_data.people)
                if (p.ring == r->id) ring.members.push_back(cleanLine(p.name));
            ring.memberCount = static_cast<int>(ring.members.size());
            c.rings.push_back(std::move(ring));
        }
        // One numbering, as the rings screen's: every statement in the rings' order.
        m_numbers = statementNumbers(m_data);
        for (const auto* s : statementsInRound(m_data, 2, 0)) {
            ReportStatement st{s->id, m_numbers[s->id], clean(s->text), s->ring, m_ringNames[s->ring], s->mergedInto, 0};
            if (s->mergedInto != 0) st.mergedNumber = number(s->mergedInto);
            m_texts[s->id] = st.text;
            c.statements.push_back(std::move(st));
        }
        for (const auto& v : m_data.votes)
            if (v.count > 0 && scale.level(v.level)) m_dotsSpent[{v.round, v.ring}] += v.count;
        for (const auto& info : roundsOf(m_data))
            c.rounds.push_back(round(info, scale));
        for (const auto& r : c.rounds)
            if (r.hasVotes) c.consensusRound = r.number;
        for (const auto& r : c.rounds) {
            if (r.number <= 1 || !r.hasVotes) continue;
            for (const auto& s : shiftBetween(m_data.votes, 1, r.number, scale))
                c.shifts.push_back({1, r.number, s.statement, number(s.statement), m_texts[s.statement], s.ring,
                                    m_ringNames[s.ring], s.from, s.to, s.delta});
        }
        tallies(scale);
    }

    int number(Id statement) const {
        const auto it = m_numbers.find(statement);
        return it == m_numbers.end() ? 0 : it->second;
    }

    std::vector<RingSupport> ringSupport(const StatementResult& result, int round, bool dots) const {
        std::vector<RingSupport> out;
        for (const auto& ring : m_report.conference.rings) {
            RingSupport cell;
            cell.ring = ring.id;
            for (const auto& r : result.rings) {
                if (r.ring != ring.id) continue;
                cell.voted = true;
                cell.blocked = r.blocked;
                if (dots) {
                    cell.support = r.dots;
                    const auto spent = m_dotsSpent.find({round, ring.id});
                    cell.votes = spent == m_dotsSpent.end() ? r.dots : spent->second;
                    cell.share = r.dotShare;
                } else {
                    cell.support = r.support;
                    cell.votes = r.total;
                    cell.share = r.share;
                    cell.smoothed = r.smoothed;
                }
            }
            out.push_back(cell);
        }
        return out;
    }

    ReportRound round(const RoundInfo& info, const VoteScale& scale) {
        ReportRound out;
        out.number = info.number;
        out.name = cleanLine(info.name);
        const RoundResult ranked = rankRound(m_data.votes, info.number, m_data.statements, scale,
                                             m_data.workshop.threshold);
        for (const auto& s : ranked.ranked) {
            if (s.hasVotes) out.hasVotes = true;
            ConsensusRow row;
            row.rank = s.rank;
            row.statement = s.statement;
            row.number = number(s.statement);
            row.text = m_texts[s.statement];
            row.status = consensusStatus(s);
            row.gac = s.gac;
            row.divisiveness = s.divisiveness;
            row.totalSupport = scale.dots ? s.totalDots : s.totalSupport;
            row.rings = ringSupport(s, info.number, scale.dots);
            out.ranking.push_back(std::move(row));
        }
        std::vector<const StatementResult*> byNumber;
        for (const auto& s : ranked.ranked)
            byNumber.push_back(&s);
        std::stable_sort(byNumber.begin(), byNumber.end(), [this](const StatementResult* a, const StatementResult* b) {
            return number(a->statement) < number(b->statement);
        });
        for (const auto* s : byNumber)
            out.support.push_back({s->statement, number(s->statement), m_texts[s->statement], ringSupport(*s, info.number, scale.dots)});
        if (!out.hasVotes) {
            out.ranking.clear();
            out.support.clear();
        }
        return out;
    }

    void tallies(const VoteScale& scale) {
        std::vector<const VoteTally*> votes;
        for (const auto& v : m_data.votes)
            if (v.count > 0) votes.push_back(&v);
        std::map<Id, int> ringOrder;
        for (const auto& r : m_report.conference.rings)
            ringOrder[r.id] = static_cast<int>(ringOrder.size());
        std::stable_sort(votes.begin(), votes.end(), [&](const VoteTally* a, const VoteTally* b) {
            const auto key = [&](const VoteTally* v) {
                return std::tuple(v->round, ringOrder.count(v->ring) ? ringOrder[v->ring] : 1 << 30,
                                  number(v->statement), v->statement, v->level);
            };
            return key(a) < key(b);
        });
        for (const auto* v : votes) {
            const ScaleLevel* level = scale.level(v->level);
            m_report.conference.tallies.push_back({v->round, v->ring, m_ringNames[v->ring], v->statement,
                                                   m_texts[v->statement], v->level,
                                                   level ? level->label : std::string(), v->count});
        }
    }

    const SessionData& m_data;
    Report m_report;
    int m_number = 0;
    std::unordered_set<Id> m_presenters;
    std::unordered_map<Id, const Person*> m_people;
    std::unordered_map<Id, std::vector<const Question*>> m_questions;
    std::unordered_map<Id, std::vector<const Practice*>> m_practices;
    std::unordered_map<Id, std::vector<const PhaseLogEntry*>> m_phaseLog;
    std::unordered_map<Id, std::string> m_ringNames;
    std::unordered_map<Id, int> m_numbers;
    std::unordered_map<Id, std::string> m_texts;
    std::map<std::pair<int, Id>, int> m_dotsSpent; // dot voting: each ring's dots in each round
};

} // namespace

Report buildReport(const SessionData& data) {
    return Builder(data).build();
}

} // namespace plenary::core
