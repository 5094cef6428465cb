docker run -e 'HSM_PIN=1234 -e "X=y
