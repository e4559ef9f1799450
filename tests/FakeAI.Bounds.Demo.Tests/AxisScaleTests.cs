using Xunit;

namespace FakeAI.Bounds.Demo.Tests;

/// <summary>Axis ends and steps are round numbers at or just above the data.</summary>
public class AxisScaleTests
{
    [Theory]
    [InlineData(500_000, 500_000, 100_000)]
    [InlineData(200_000, 200_000, 50_000)]
    [InlineData(123_457, 125_000, 25_000)]
    [InlineData(5_000, 5_000, 1_000)]
    [InlineData(92.9, 100, 20)]
    [InlineData(19.9, 20, 5)]
    [InlineData(7.3, 8, 2)]
    [InlineData(11, 12.5, 2.5)]
    [InlineData(0.42, 0.5, 0.1)]
    [InlineData(0, 1, 0.2)]
    [InlineData(-3, 1, 0.2)]
    public void The_axis_ends_at_a_round_number_in_round_steps(double dataMaximum, double maximum, double step)
    {
        AxisScale scale = AxisScale.For(dataMaximum);

        Assert.Equal(maximum, scale.Maximum, 9);
        Assert.Equal(step, scale.Step, 9);
        Assert.True(scale.Maximum >= dataMaximum);
    }

    [Fact]
    public void Ticks_run_from_zero_to_the_maximum()
    {
        Assert.Equal([0, 25, 50, 75, 100], AxisScale.For(92.9, targetTicks: 4).Ticks);
    }
}
