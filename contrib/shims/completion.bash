# bash completion of a pontoon shim (contrib/shims): pontoon's, registered
# under the shim's name. `make install-shims` installs a copy named after
# each shim next to pontoon's own completion, which it loads.
. "${BASH_SOURCE[0]%/*}/pontoon"
complete -F _pontoon_names -o nosort -o bashdefault -o default SHIM
