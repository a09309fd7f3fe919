"""How the command line reads values: negative numbers after a space."""

from __future__ import annotations

import pytest

from electron_tunnel.cli import main as _main


def main(argv):
    """``etunnel`` in-process; a usage error (SystemExit from argparse) becomes its status."""
    try:
        return _main(argv)
    except SystemExit as exc:
        return exc.code


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["state", "--rv", "-5pm", "--rb", "155pm", "--c", "0.3"], "R_v must be in"),
        (["state", "--rv=-5pm", "--rb", "155pm", "--c", "0.3"], "R_v must be in"),
        (["state", "--rv", "149pm", "--rb", "-155pm", "--c", "0.3"], "R_b must be finite and > 0"),
        (["state", "--rv", "149pm", "--rb", "-.5nm", "--c", "0.3"], "R_b must be finite and > 0"),
        (["distance", "--r", "-1pm", "--rb", "155pm", "--c", "0.1"], "r must be in"),
        (["radius", "--rb", "-155pm", "--c", "0.3"], "R_b must be finite and > 0"),
    ],
)
def test_negative_radius_gets_the_same_message_however_written(args, message, capsys):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "expected one argument" not in err
    assert message in err  # the parameter and its valid range


def test_negative_c_after_a_space_reaches_the_range_check(capsys):
    assert main(["state", "--rv", "149pm", "--rb", "155pm", "--c", "-0.3"]) == 2
    err = capsys.readouterr().err
    assert "c must be in [0, 1]" in err


def test_space_and_equals_forms_give_identical_messages(capsys):
    main(["state", "--rv", "-5pm", "--rb", "155pm", "--c", "0.3"])
    spaced = capsys.readouterr().err
    main(["state", "--rv=-5pm", "--rb", "155pm", "--c", "0.3"])
    assert capsys.readouterr().err == spaced


def test_a_negative_value_is_not_joined_to_a_flag_without_value(capsys):
    """``--json`` takes no value: a following ``-5pm`` stays an (unknown) argument."""
    assert main(["state", "--json", "-5pm", "--rv", "1pm", "--rb", "1pm", "--c", "0.3"]) == 2
    assert "unrecognized arguments: -5pm" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "flag"),
    [
        (["diagram", "O", "--out", "{tmp}"], "give --alpha"),
        (["diagram", "Hg", "--p-max", "-1", "--out", "{tmp}"], "--p-max: must be finite"),
        (["diagram", "Hg", "--p-max", "10", "--pressure", "0:1GPa", "--out", "{tmp}"], "--p-max"),
    ],
)
def test_library_parameters_are_shown_as_flags(args, flag, capsys, tmp_path):
    """The library names parameters (alpha, p_max); the command line shows its own flags."""
    args = [a.replace("{tmp}", str(tmp_path / "out")) for a in args]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert flag in err and len(err.strip().splitlines()) == 1, err
    assert "p_max" not in err and "alpha=" not in err
    assert not (tmp_path / "out").exists()
