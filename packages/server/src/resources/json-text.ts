/**
 * JSON that PostgreSQL wrote for an answer (a list's child rows, `childRowsJson`): sent as these
 * characters rather than parsed here and serialised again, which was most of what a page of rate
 * cards with their rates cost. Only list pages carry it: reads by id and use cases get parsed values.
 */
export class JsonText {
  constructor(readonly text: string) {}
}
