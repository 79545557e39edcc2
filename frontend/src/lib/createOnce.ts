// Safe creates (issue 17 item 1): a form that creates something submits
// once at a time, and sends an idempotency key that stays the same until
// the create succeeds, so a double click or a retry after a lost answer
// makes one object (the server answers the same key with the first one).
import { useCallback, useRef } from "react";

/** A random key (crypto.randomUUID needs a secure context; this does not). */
export function newIdempotencyKey(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}

/**
 * Returns run(submit): it calls submit with the form's key unless a submit
 * is still pending (then it does nothing), and takes a fresh key once
 * submit reports success.
 */
export function useCreateOnce() {
  const key = useRef(newIdempotencyKey());
  const pending = useRef(false);
  return useCallback(async (submit: (idempotencyKey: string) => Promise<boolean>): Promise<void> => {
    if (pending.current) return;
    pending.current = true;
    try {
      if (await submit(key.current)) key.current = newIdempotencyKey();
    } finally {
      pending.current = false;
    }
  }, []);
}
