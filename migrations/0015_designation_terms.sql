-- Designation terms (issue 19): a grant of a type with a term lapses unless renewed, so a count
-- of holders at a date reads only grants still in force. The built-in types get the terms the
-- issuing rules set; a system file may set any type's (`term_years`).
ALTER TABLE designation_type ADD COLUMN term_years INTEGER NOT NULL DEFAULT 0;
UPDATE designation_type SET term_years = 3
 WHERE code IN ('high_tech', 'srdi_sme', 'little_giant', 'single_champion', 'innovative_sme');
UPDATE designation_type SET term_years = 1 WHERE code = 'sci_tech';
