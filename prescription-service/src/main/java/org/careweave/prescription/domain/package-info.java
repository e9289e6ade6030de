/** Entities and clinical rules: prescriptions, dose history, refills, check-ins, side effects, safety checks. */
package org.careweave.prescription.domain;
