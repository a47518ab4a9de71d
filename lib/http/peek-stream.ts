// A look at the first bytes of a request body before deciding how to read
// it (an Anki package starts like a zip; notes do not), without losing them:
// the stream handed back replays them, then the rest as it arrives.

export type PeekedStream = { head: Uint8Array; stream: ReadableStream<Uint8Array> | null };

/** Reads until at least `bytes` bytes (or the end) have arrived; `stream` yields the whole body again. */
export async function peekStream(body: ReadableStream<Uint8Array> | null, bytes: number): Promise<PeekedStream> {
  if (!body) return { head: new Uint8Array(), stream: null };
  const reader = body.getReader();
  const read: Uint8Array[] = [];
  let length = 0;
  let ended = false;
  while (length < bytes) {
    const { done, value } = await reader.read();
    if (done) {
      ended = true;
      break;
    }
    read.push(value);
    length += value.byteLength;
  }
  const head = new Uint8Array(length);
  let at = 0;
  for (const piece of read) {
    head.set(piece, at);
    at += piece.byteLength;
  }
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (head.byteLength) controller.enqueue(head);
      if (ended) controller.close();
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { head, stream };
}
