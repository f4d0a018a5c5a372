// A response body read only so far: what a server sends past the limit is never held in memory.

/**
 * `fetch` whose response body stops one byte past `maxBytes`: a huge answer (a file at the base, a page of notes) is
 * not downloaded whole, and the reader sees it is over the limit.
 */
export function boundedFetch(inner: typeof fetch, maxBytes: number): typeof fetch {
  return async (input, init) => {
    const res = await inner(input, init);
    if (!res.body || [101, 204, 205, 304].includes(res.status)) return res;
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let seen = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        const room = maxBytes + 1 - seen;
        seen += value.byteLength;
        controller.enqueue(value.byteLength > room ? value.subarray(0, room) : value);
        if (seen > maxBytes) {
          controller.close();
          await reader.cancel();
        }
      },
      cancel: (reason) => reader.cancel(reason),
    });
    const headers = new Headers(res.headers);
    headers.delete("content-length");
    return new Response(body, { status: res.status, statusText: res.statusText, headers });
  };
}
