"use client";
// The actions of one card as buttons. Schedule actions work on any card;
// move and delete only on the learner's own (the built-in course is shared).
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { VisibleModule } from "@/lib/cards/card-access";
import type { CardAction } from "@/lib/cards/card-schemas";
import { ActionValue, buildAction } from "../action-choice";
import { sendCardAction } from "../card-request";

type Props = { cardId: string; owned: boolean; suspended: boolean; modules: VisibleModule[] };

export function CardActions({ cardId, owned, suspended, modules }: Props) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<{ name: CardAction["action"]; value: string } | null>(null);

  async function run(action: CardAction | null, done: string) {
    if (!action) return setMessage("Fill in what this action needs first");
    setBusy(true);
    const outcome = await sendCardAction(cardId, action);
    setBusy(false);
    if (!outcome.ok) return setMessage(outcome.message);
    setPending(null);
    setMessage(done);
    if (action.action === "delete") router.push("/cards");
    else router.refresh();
  }

  const button = (label: string, action: CardAction, done: string, className = "button") => (
    <button type="button" className={className} disabled={busy} onClick={() => void run(action, done)}>
      {label}
    </button>
  );

  return (
    <section className="panel stack" aria-label="Actions">
      <div className="card-actions">
        {suspended
          ? button("Unsuspend", { action: "unsuspend" }, "Back in your reviews")
          : button("Suspend", { action: "suspend" }, "Suspended: it stays out of your reviews")}
        {button("Bury", { action: "bury" }, "Buried until your next study day")}
        {button("Reset to new", { action: "reset" }, "New again; its history is kept")}
        <button type="button" className="button" onClick={() => setPending({ name: "set-due", value: "" })}>
          Set due date
        </button>
        {owned && (
          <button type="button" className="button" onClick={() => setPending({ name: "move", value: "" })}>
            Move
          </button>
        )}
        {owned && (
          <button type="button" className="button danger" onClick={() => setPending({ name: "delete", value: "" })}>
            Delete
          </button>
        )}
      </div>
      {pending && (
        <div className="stack" style={{ gap: 8 }}>
          {pending.name === "delete" && (
            <p className="small" style={{ margin: 0 }}>
              Delete this card for good? Its review history stays in your export.
            </p>
          )}
          <ActionValue name={pending.name} value={pending.value} onValue={(value) => setPending({ ...pending, value })} modules={modules} />
          <div className="row">
            <button
              type="button"
              className={`button${pending.name === "delete" ? " danger" : " primary"}`}
              disabled={busy}
              onClick={() => void run(buildAction(pending.name, pending.value), "Done")}
            >
              Confirm
            </button>
            <button type="button" className="button" onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {message && (
        <p className="small" role="status" style={{ margin: 0 }}>
          {message}
        </p>
      )}
    </section>
  );
}
