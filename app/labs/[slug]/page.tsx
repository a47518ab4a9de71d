import { IntentLink } from "@/app/components/intent-link";
import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { labView, MAX_LAB_OUTPUT_ELEMENTS } from "@/lib/labs";
import { LabParamsSchema, LabViewQuerySchema } from "@/lib/labs/submissions/lab-request-schemas";
import { listLabSubmissions } from "@/lib/labs/submissions/list-submissions";
import { FILE_CONVENTIONS, maxUploadBytes } from "@/lib/labs/tensor-file";
import { renderMarkdown } from "@/lib/render/markdown";
import { requireSessionUser } from "../../session-user";
import { seededHref } from "../../seeded-href";
import { SeedRefused } from "@/app/components/seed-refused";
import { LabDownloads } from "./lab-downloads";
import { LabWorkbench } from "./lab-workbench";
import "../labs.css";
import { catalogue } from "@/exercises/catalogue";
import { RenderedHtml } from "@/app/components/rendered-html";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Pick<Props, "params">) {
  const parsed = LabParamsSchema.safeParse(await params);
  const lab = parsed.success ? catalogue.findLab(parsed.data.slug) : undefined;
  return { title: `${lab?.title ?? "Lab"} · Residual` };
}

export default async function LabPage({ params, searchParams }: Props) {
  const user = await requireSessionUser();
  const parsedParams = LabParamsSchema.safeParse(await params);
  const lab = parsedParams.success ? catalogue.findLab(parsedParams.data.slug) : undefined;
  if (!lab) notFound();
  const search = await searchParams;
  const query = LabViewQuerySchema.safeParse(search);
  if (!query.success)
    return <SeedRefused given={search.seed} error={query.error} freshHref={seededHref(`/labs/${lab.slug}`)} back={{ href: "/labs", label: "Labs" }} />;
  const seed = query.data.seed;
  // The seed lives in the URL, so a reload, a shared link and the downloads agree on the numbers.
  if (seed === undefined) redirect(seededHref(`/labs/${lab.slug}`));
  const view = labView(lab, seed);
  const history = await listLabSubmissions(db(), catalogue, user.id, lab.slug);
  return (
    <main className="shell stack">
      <div className="topbar">
        <IntentLink href="/labs" className="brand">
          ‹ Labs
        </IntentLink>
        <span className={`pill ${lab.difficulty.toLowerCase()}`}>{lab.difficulty.toLowerCase()}</span>
      </div>
      <section className="panel stack">
        <h1 style={{ margin: 0, fontSize: 21 }}>{view.title}</h1>
        <RenderedHtml className="lab-task" data-testid="lab-task" html={renderMarkdown(view.task)} />
        <p className="muted small" style={{ margin: 0 }}>
          Seed {seed} · {view.topic}
        </p>
      </section>
      <section className="panel stack" data-testid="lab-conventions">
        <h2 style={{ margin: 0, fontSize: 17 }}>Conventions</h2>
        <ul className="lab-conventions">
          {[...view.conventions, FILE_CONVENTIONS].map((c) => (
            <RenderedHtml as="li" key={c} html={renderMarkdown(c)} />
          ))}
        </ul>
        <table className="lab-io">
          <thead>
            <tr>
              <th>Name</th>
              <th>Shape</th>
              <th>What</th>
            </tr>
          </thead>
          <tbody>
            {view.inputs.map((input) => (
              <tr key={input.name}>
                <td>
                  <code>{input.name}</code>
                </td>
                <td>
                  <code>[{input.shape.join(", ")}]</code>
                  <div className="muted">{input.axes.join(" × ")}</div>
                </td>
                <td>{input.description}</td>
              </tr>
            ))}
            <tr>
              <td>
                <code>{view.output.name}</code> <span className="muted">(you submit)</span>
              </td>
              <td>
                <code>[{view.output.shape.join(", ")}]</code>
                <div className="muted">{view.output.axes.join(" × ")}</div>
              </td>
              <td>{view.output.description}</td>
            </tr>
          </tbody>
        </table>
        {Object.keys(view.scalars).length > 0 && (
          <p className="small" style={{ margin: 0 }}>
            {Object.entries(view.scalars).map(([k, v]) => (
              <span key={k} style={{ marginRight: 12 }}>
                <code>
                  {k} = {String(v)}
                </code>
              </span>
            ))}
          </p>
        )}
      </section>
      <LabDownloads
        slug={lab.slug}
        seed={seed}
        newSeedHref={seededHref(`/labs/${lab.slug}`)}
        inputs={view.inputs.map((i) => i.name)}
        outputName={view.output.name}
      />
      <LabWorkbench slug={lab.slug} seed={seed} maxUploadBytes={maxUploadBytes(MAX_LAB_OUTPUT_ELEMENTS)} history={history} />
    </main>
  );
}
