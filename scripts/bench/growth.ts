export async function growth(n: number) {
  throw new Error(`--cases ${n}: not built yet`);
}
