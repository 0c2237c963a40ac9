/** The chart's numbers as a plain table, folded under the figure (accessibility and print). */
export function DataTableDetails({ caption, headers, rows, label }: { caption: string; headers: string[]; rows: string[][]; label: string }) {
  return (
    <details>
      <summary>{label}</summary>
      <table>
        <caption>{caption}</caption>
        <thead><tr>{headers.map((header, index) => <th key={index} scope="col">{header}</th>)}</tr></thead>
        <tbody>{rows.map((row, index) => <tr key={index}>{row.map((cell, column) => (column === 0 ? <th key={column} scope="row">{cell}</th> : <td key={column}>{cell}</td>))}</tr>)}</tbody>
      </table>
    </details>
  );
}
