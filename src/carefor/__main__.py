from carefor.cli import main

main(prog_name="carefor")
