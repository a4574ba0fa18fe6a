-- Saved lists of enterprises (a watch list, an investment-promotion target list, ...): each is a
-- group of its own in the monthly report. Replacing a list is audited.
CREATE TABLE enterprise_list (
  name TEXT NOT NULL,
  uscc TEXT NOT NULL REFERENCES enterprise(uscc) DEFERRABLE INITIALLY DEFERRED,
  PRIMARY KEY (name, uscc)
) WITHOUT ROWID;
