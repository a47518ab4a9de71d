// At most UPLOAD_SLOTS uploads are read and stored at once in this process;
// the others wait, unread, in arrival order (their bodies stay in the
// socket's buffers, so waiting costs no memory). Each upload holds up to an
// 8 MiB tensor and its chunks while it is read, so the cap bounds the
// server's memory whatever the number of clients.

/** Uploads read and stored at once per process. */
export const UPLOAD_SLOTS = 2;

export type Gate = { run<T>(work: () => Promise<T>): Promise<T> };

/** A FIFO semaphore with `slots` places. */
export function createGate(slots: number): Gate {
  let free = slots;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else free++;
  };
  return {
    async run(work) {
      if (free > 0) free--;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await work();
      } finally {
        release();
      }
    },
  };
}

/** The process's upload gate. */
export const uploadGate = createGate(UPLOAD_SLOTS);
