/** Entities and clinical rules: intake, treatment recommendation, care plans and their revisions. */
package org.careweave.careplan.domain;
