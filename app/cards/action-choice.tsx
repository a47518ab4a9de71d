"use client";
// Choosing one card action and the value it needs (a tag, a module, a day).
import type { VisibleModule } from "@/lib/cards/card-access";
import type { CardAction } from "@/lib/cards/card-schemas";

export const ACTION_LABELS: Record<CardAction["action"], string> = {
  suspend: "Suspend",
  unsuspend: "Unsuspend",
  bury: "Bury until tomorrow",
  reset: "Reset to new",
  "set-due": "Set due date",
  "add-tag": "Add tag",
  "remove-tag": "Remove tag",
  move: "Move to module",
  delete: "Delete",
};

/** The action `name` with `value`, or null when the value it needs is missing. */
export function buildAction(name: CardAction["action"], value: string): CardAction | null {
  switch (name) {
    case "set-due":
      return value ? { action: name, due: value } : null;
    case "add-tag":
    case "remove-tag":
      return value.trim() ? { action: name, tag: value.trim() } : null;
    case "move":
      return value ? { action: name, module: value } : null;
    default:
      return { action: name };
  }
}

type Props = { name: CardAction["action"]; value: string; onValue: (v: string) => void; modules: VisibleModule[] };

/** The input the chosen action needs, if any. */
export function ActionValue({ name, value, onValue, modules }: Props) {
  if (name === "set-due") return <input type="date" aria-label="Due date" value={value} onChange={(e) => onValue(e.target.value)} />;
  if (name === "add-tag" || name === "remove-tag")
    return <input aria-label="Tag to add or remove" placeholder="tag" value={value} onChange={(e) => onValue(e.target.value)} />;
  if (name === "move") {
    return (
      <select aria-label="Target module" value={value} onChange={(e) => onValue(e.target.value)}>
        <option value="">Choose a module</option>
        {modules
          .filter((m) => m.owned)
          .map((m) => (
            <option key={m.id} value={m.slug}>
              {m.title}
            </option>
          ))}
      </select>
    );
  }
  return null;
}
