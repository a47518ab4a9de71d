// Requests for the import tests: an upload to POST /api/imports, a module's
// export, an image's download, each through the real route handler.
import { expect } from "vitest";
import * as imageRoute from "@/app/api/images/[id]/route";
import * as importsRoute from "@/app/api/imports/route";
import * as exportRoute from "@/app/api/modules/[slug]/export/route";

export function postImport(auth: string, query: string, bytes: Uint8Array): Promise<Response> {
  const init = { method: "POST", body: bytes, headers: { authorization: auth, "content-type": "application/octet-stream" }, duplex: "half" };
  return importsRoute.POST(new Request(`http://localhost/api/imports?${query}`, init as RequestInit), undefined);
}

export async function okJson<T>(response: Response): Promise<T> {
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
}

export async function exportModuleFile(auth: string, slug: string, format: "md" | "apkg"): Promise<Uint8Array> {
  const request = new Request(`http://localhost/api/modules/${slug}/export?format=${format}`, { headers: { authorization: auth } });
  const response = await exportRoute.GET(request, { params: Promise.resolve({ slug }) });
  expect(response.status, await response.clone().text()).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

export function getImage(auth: string, id: string): Promise<Response> {
  return imageRoute.GET(new Request(`http://localhost/api/images/${id}`, { headers: { authorization: auth } }), { params: Promise.resolve({ id }) });
}
