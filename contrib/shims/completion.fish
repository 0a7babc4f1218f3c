# fish completion of a pontoon shim (contrib/shims): pontoon's, under the
# shim's name. `make install-shims` installs a copy named after each shim.
complete -c SHIM -w pontoon
