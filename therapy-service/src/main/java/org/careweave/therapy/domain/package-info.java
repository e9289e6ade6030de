/** Entities and clinical rules: therapy sessions, private notes, PHQ-9 and GAD-7 scoring. */
package org.careweave.therapy.domain;
