-- Organisation role names are one role whatever their case: "cto" and "CTO" are the CTO.
-- Should both spellings exist, the one created first (lowest position, then name) stays.
DELETE FROM identity_org_roles a
 USING identity_org_roles b
 WHERE lower(a.name) = lower(b.name)
   AND (a.position, a.name) > (b.position, b.name);
CREATE UNIQUE INDEX identity_org_roles_name_ci_idx ON identity_org_roles (lower(name));
