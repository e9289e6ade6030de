/** Who may prescribe and who may see which prescription, on top of the platform's patient-record access. */
package org.careweave.prescription.access;
