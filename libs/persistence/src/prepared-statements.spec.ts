import { preparedSql, statement } from './prepared-statements';

describe('preparedSql and statement', () => {
  it('names a marked statement after its text: the same text, the same name', () => {
    const sql = preparedSql('SELECT $1::int AS marked');
    expect(sql).toBe('SELECT $1::int AS marked');
    const first = statement(sql, [1], true);
    expect(first).toEqual({
      name: expect.stringMatching(/^sf_[0-9a-f]{24}$/),
      text: sql,
      values: [1],
    });
    expect(statement(sql, [2], true).name).toBe(first.name);
    expect(statement(preparedSql('SELECT $1::int AS other'), [1], true).name).not.toBe(first.name);
  });

  it('leaves an unmarked statement unnamed: planned on every run', () => {
    expect(statement('SELECT $1::int AS unmarked', [1], true)).toEqual({
      text: 'SELECT $1::int AS unmarked',
      values: [1],
    });
  });

  it('names nothing when preparing is off', () => {
    const sql = preparedSql('SELECT $1::int AS off');
    expect(statement(sql, [1], false)).toEqual({ text: sql, values: [1] });
  });
});
