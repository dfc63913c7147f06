package org.pobox.understand.identity;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Mainland resident ID numbers (GB 11643): 17 digits and an ISO 7064 MOD 11-2 check character. */
public final class IdNumbers {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private IdNumbers() {}

    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        return CHECK.charAt(sum % 11);
    }

    public static boolean isValid(String id) {
        if (id == null || id.length() != 18 || !id.substring(0, 17).chars().allMatch(Character::isDigit)) return false;
        char last = Character.toUpperCase(id.charAt(17));
        if (last != checkChar(id.substring(0, 17))) return false;
        try {
            LocalDate born = LocalDate.of(Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14)));
            return born.getYear() >= 1900 && born.isBefore(LocalDate.of(2030, 1, 1));
        } catch (DateTimeException e) {
            return false;
        }
    }
}
