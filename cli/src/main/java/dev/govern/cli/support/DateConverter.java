package dev.govern.cli.support;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Dates on the command line ({@code --as-of 2024-06-01}). govern registers it itself because it
 * turns off picocli's reflective java.time converters, whose lookup costs start-up time.
 */
public final class DateConverter implements ITypeConverter<LocalDate> {
  @Override
  public LocalDate convert(String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("'" + value + "' is not a date (YYYY-MM-DD)");
    }
  }
}
