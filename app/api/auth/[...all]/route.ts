// GET|POST /api/auth/* — sign-up, sign-in, sign-out and session: rate limits, then better-auth.
import { handleAuthRequest } from "@/lib/auth/auth-request";

export async function GET(request: Request): Promise<Response> {
  return handleAuthRequest(request, new Date());
}

export async function POST(request: Request): Promise<Response> {
  return handleAuthRequest(request, new Date());
}
