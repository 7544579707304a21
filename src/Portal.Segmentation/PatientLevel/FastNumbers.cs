using System.Globalization;

namespace Portal.Segmentation.PatientLevel;

/// <summary>
/// Number parsing for the hot loop. The plain forms a database export writes ("42", "1234.56")
/// take a fast path; anything else goes to the framework's parser, so results never differ.
/// </summary>
internal static class FastNumbers
{
    private static readonly double[] PowersOfTen =
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>A whole number of at most 9 digits, no sign, no spaces.</summary>
    public static bool TryParseWhole(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.Length is 0 or > 9)
        {
            return false;
        }

        foreach (var c in text)
        {
            var digit = c - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = value * 10 + digit;
        }

        return true;
    }

    /// <summary>
    /// An amount in pounds as whole pence, rounded half away from zero when it has more than two
    /// decimals. Negative amounts parse (so the caller can say "negative" rather than "not a number").
    /// </summary>
    public static bool TryParsePence(ReadOnlySpan<char> text, out long pence)
    {
        pence = 0;
        if (text.Length is > 0 and <= 15)
        {
            long whole = 0;
            var i = 0;
            for (; i < text.Length && (uint)(text[i] - '0') <= 9; i++)
            {
                whole = whole * 10 + (text[i] - '0');
            }

            if (i > 0 && i == text.Length)
            {
                pence = whole * 100;
                return true;
            }

            if (i > 0 && text[i] == '.' && text.Length - i - 1 is 1 or 2)
            {
                long fraction = 0;
                var digits = 0;
                for (var j = i + 1; j < text.Length; j++, digits++)
                {
                    var digit = text[j] - '0';
                    if ((uint)digit > 9)
                    {
                        return SlowPence(text, out pence);
                    }

                    fraction = fraction * 10 + digit;
                }

                pence = whole * 100 + (digits == 1 ? fraction * 10 : fraction);
                return true;
            }
        }

        return SlowPence(text, out pence);
    }

    private static bool SlowPence(ReadOnlySpan<char> text, out long pence)
    {
        pence = 0;
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var pounds)
            || Math.Abs(pounds) > 1_000_000_000_000m)
        {
            return false;
        }

        pence = (long)Math.Round(pounds * 100m, MidpointRounding.AwayFromZero);
        return true;
    }

    /// <summary>
    /// A double exactly as <see cref="double.Parse(string, IFormatProvider)"/> reads it: the fast path
    /// divides two exactly representable numbers, which IEEE rounds correctly, so it is the same value.
    /// </summary>
    public static bool TryParseDouble(ReadOnlySpan<char> text, out double value)
    {
        if (text.Length is > 0 and <= 16)
        {
            long mantissa = 0;
            var decimals = -1;
            var ok = true;
            foreach (var c in text)
            {
                if (c == '.' && decimals < 0)
                {
                    decimals = 0;
                    continue;
                }

                var digit = c - '0';
                if ((uint)digit > 9)
                {
                    ok = false;
                    break;
                }

                mantissa = mantissa * 10 + digit;
                if (decimals >= 0)
                {
                    decimals++;
                }
            }

            // Below 2^53 the mantissa is exact, and so is the power of ten.
            if (ok && text[0] != '.' && text[^1] != '.' && mantissa <= 1L << 53)
            {
                value = decimals <= 0 ? mantissa : mantissa / PowersOfTen[decimals];
                return true;
            }
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
