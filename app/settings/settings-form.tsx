"use client";
import { useState } from "react";
import type { SettingsView } from "@/lib/settings/settings-view";
import type { SettingsRescheduleReason } from "@/lib/settings/reschedule-reason";
import { themeAttribute } from "@/lib/settings/color-theme";
import { DayBalanceFields } from "./day-balance-fields";
import { PresetFields } from "./preset-fields";
import { RescheduleOffer, useRescheduleOffer } from "@/app/components/reschedule-offer";

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const ZONES: string[] = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["UTC"];

export function SettingsForm({ initial }: { initial: SettingsView }) {
  const [values, setValues] = useState(initial);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [stepsError, setStepsError] = useState<string | null>(null);
  // The reschedule the last save called for (the server compares before and after), a new offer each time.
  const [offer, offerFor] = useRescheduleOffer();
  const set = <K extends keyof SettingsView>(key: K, value: SettingsView[K]) => setValues((v) => ({ ...v, [key]: value }));

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setMessage(null);
    setError(null);
    if (stepsError) return setError(stepsError);
    const { fsrsWeightsFittedAt: _fitted, ...patch } = values;
    const response = await fetch("/api/settings", {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(patch),
    });
    const body = (await response.json().catch(() => null)) as { error?: { message: string }; rescheduleReason?: SettingsRescheduleReason | null } | null;
    if (!response.ok) setError(body?.error?.message ?? "Could not save");
    else {
      setMessage("Saved");
      offerFor(body?.rescheduleReason);
      const { theme } = values;
      // The server sets the same attribute on every page from now on; this page takes it at once.
      const attribute = themeAttribute(theme);
      if (attribute) document.documentElement.dataset.theme = attribute;
      else delete document.documentElement.dataset.theme;
    }
  }

  const zones = ZONES.includes(values.timeZone) ? ZONES : [values.timeZone, ...ZONES];
  return (
    <form className="panel stack" onSubmit={save} data-testid="settings-form">
      <h1 style={{ margin: 0, fontSize: 22 }}>Study settings</h1>
      <p className="small muted" style={{ margin: 0 }}>
        Your default preset: every module without a preset of its own follows it, and its daily limits and order hold for the whole review.
      </p>
      <PresetFields value={values} onChange={(next) => setValues((v) => ({ ...v, ...next }))} idPrefix="settings" onStepsError={setStepsError} />
      <DayBalanceFields value={values} onChange={(next) => setValues((v) => ({ ...v, ...next }))} />
      <label>
        A new study day starts at
        <select value={values.dayStartHour} name="dayStartHour" onChange={(e) => set("dayStartHour", Number(e.target.value))}>
          {HOURS.map((h) => (
            <option key={h} value={h}>
              {String(h).padStart(2, "0")}:00
            </option>
          ))}
        </select>
      </label>
      <label>
        Time zone
        <select value={values.timeZone} name="timeZone" onChange={(e) => set("timeZone", e.target.value)}>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </label>
      <label>
        Rating buttons
        <select value={values.buttonMode} name="buttonMode" onChange={(e) => set("buttonMode", e.target.value === "TWO" ? "TWO" : "FOUR")}>
          <option value="FOUR">Four: Again, Hard, Good, Easy</option>
          <option value="TWO">Two: Forgot, Remembered</option>
        </select>
      </label>
      <label>
        Theme
        <select
          value={values.theme}
          name="theme"
          onChange={(e) => set("theme", e.target.value === "LIGHT" ? "LIGHT" : e.target.value === "DARK" ? "DARK" : "SYSTEM")}
        >
          <option value="SYSTEM">System: as the device is set</option>
          <option value="LIGHT">Light</option>
          <option value="DARK">Dark</option>
        </select>
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {message && (
        <p className="muted" role="status">
          {message}
        </p>
      )}
      {offer && <RescheduleOffer key={offer.key} reason={offer.reason} />}
      <button className="button primary block" type="submit">
        Save settings
      </button>
    </form>
  );
}
