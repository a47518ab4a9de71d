// A card's reviews, oldest first: when, the rating, the state it was in, the
// interval scheduled, FSRS stability and difficulty, days since the review before.
import type { CardReviewEntry } from "@/lib/cards/card-info";

type Row = CardReviewEntry & { when: string; ratingLabel: string };

export function CardHistory({ history }: { history: Row[] }) {
  return (
    <section className="panel stack" aria-label="Review history">
      <h2 style={{ margin: 0, fontSize: 17 }}>History</h2>
      {history.length === 0 ? (
        <p className="muted small" style={{ margin: 0 }}>
          Not reviewed yet.
        </p>
      ) : (
        <div className="history-wrap">
          <table className="history" data-testid="card-history">
            <thead>
              <tr>
                <th>Date</th>
                <th>Rating</th>
                <th>Ivl</th>
                <th>S</th>
                <th>D</th>
                <th>Gap</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.reviewedAt}>
                  <td title={h.state}>{h.when}</td>
                  <td>{h.ratingLabel}</td>
                  <td>{h.scheduledDays === null ? "—" : `${h.scheduledDays} d`}</td>
                  <td>{h.stability === null ? "—" : h.stability.toFixed(1)}</td>
                  <td>{h.difficulty === null ? "—" : h.difficulty.toFixed(1)}</td>
                  <td>{h.elapsedDays} d</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted small" style={{ margin: 0 }}>
        After each review: Ivl, the interval it scheduled; S, stability in days; D, difficulty (1–10). Gap: days since the review before.
      </p>
    </section>
  );
}
